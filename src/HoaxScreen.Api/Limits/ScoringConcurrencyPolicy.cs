using System.Threading.RateLimiting;
using HoaxScreen.Api.Errors;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Options;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Limits;

/// <summary>
/// Caps how many screening requests are scored at once (one shared concurrency limiter with a first-come queue). When the
/// queue is full the request is answered 503 with <c>Retry-After</c> at once, before its body is read.
/// </summary>
public sealed class ScoringConcurrencyPolicy(IOptions<LimitsOptions> options, ILogger<ScoringConcurrencyPolicy> logger) : IRateLimiterPolicy<string>
{
    public const string Name = "scoring";

    private const string Partition = "scoring";

    private readonly ConcurrencyLimiterOptions _limiter = new()
    {
        PermitLimit = options.Value.EffectiveMaxConcurrentScoring,
        QueueLimit = options.Value.ScoringQueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
    {
        var request = context.HttpContext.Request;
        logger.ScoringCapacityExceeded(request.Method, request.Path, _limiter.PermitLimit, _limiter.QueueLimit);
        await ProblemResponses.WriteAsync(
            context.HttpContext,
            StatusCodes.Status503ServiceUnavailable,
            $"The service is scoring as many posts as it may ({_limiter.PermitLimit} at once, {_limiter.QueueLimit} waiting); retry shortly.",
            TimeSpan.FromSeconds(1));
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetConcurrencyLimiter(Partition, _ => _limiter);
}
