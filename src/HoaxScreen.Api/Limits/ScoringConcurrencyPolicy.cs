using System.Threading.RateLimiting;
using HoaxScreen.Api.Errors;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Options;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Limits;

/// <summary>
/// Caps how many screening requests are scored at once, in two lanes chosen by the request's declared size before its
/// body is read (<see cref="IsHeavy"/>): short posts share one concurrency limiter, of which one caller (API key, else
/// address) holds at most its share; heavy requests (long posts to explain, large batches) another with fewer slots;
/// each with a first-come queue. So a caller sending the most costly requests the limits allow holds at most the heavy
/// lane's cores and its share of the short-post slots, and other callers' short posts find a slot free. When a queue is
/// full the request is answered 503 with <c>Retry-After</c> at once.
/// </summary>
public sealed class ScoringConcurrencyPolicy(
    IOptions<LimitsOptions> options, ScoringQueueMonitor queue, ILogger<ScoringConcurrencyPolicy> logger) : IRateLimiterPolicy<string>
{
    public const string Name = "scoring";

    private const string LightLane = "scoring";
    private const string HeavyLane = "scoring-heavy";

    private readonly LimitsOptions _options = options.Value;

    private readonly ConcurrencyLimiterOptions _heavy = new()
    {
        PermitLimit = options.Value.EffectiveMaxConcurrentHeavyScoring,
        QueueLimit = options.Value.ScoringQueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };

    // The short-post lane is shared by every caller; each caller holds at most its share of it (its own limiter).
    private readonly ConcurrencyLimiter _lightLane = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.EffectiveMaxConcurrentScoring,
        QueueLimit = options.Value.ScoringQueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private readonly ConcurrencyLimiterOptions _callerShare = new()
    {
        PermitLimit = Math.Min(options.Value.EffectiveMaxConcurrentScoringPerCaller, options.Value.EffectiveMaxConcurrentScoring),
        QueueLimit = options.Value.ScoringQueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
    {
        var request = context.HttpContext.Request;
        var heavy = IsHeavy(request, _options);
        var (permits, queued) = heavy ? (_heavy.PermitLimit, _heavy.QueueLimit) : (_options.EffectiveMaxConcurrentScoring, _options.ScoringQueueLimit);
        logger.ScoringCapacityExceeded(request.Method, request.Path, permits, queued);
        var detail = heavy
            ? $"The service is scoring as many requests over {_options.HeavyRequestBytes} bytes as it may ({permits} at once, {queued} waiting); retry shortly."
            : $"The service is scoring as many posts as it may ({permits} at once, at most {_callerShare.PermitLimit} for one caller; {queued} waiting); retry shortly.";
        await ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status503ServiceUnavailable, detail, TimeSpan.FromSeconds(1));
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (IsHeavy(httpContext.Request, _options))
        {
            return RateLimitPartition.GetConcurrencyLimiter(HeavyLane, _ => _heavy);
        }

        // Only the short-post lane's waits count for readiness: a backlog of heavy work is not a reason to send short
        // posts elsewhere.
        queue.Waiting(httpContext);
        return RateLimitPartition.Get(LightLane + ":" + ClientRateLimitMetadata.CallerOf(httpContext), _ =>
            new CallerShareLimiter(new ConcurrencyLimiter(_callerShare), _lightLane));
    }

    /// <summary>Heavy: a body larger than <see cref="LimitsOptions.HeavyRequestBytes"/>, or a body of undeclared size (chunked).</summary>
    public static bool IsHeavy(HttpRequest request, LimitsOptions options) =>
        request.ContentLength is { } length
            ? length > options.HeavyRequestBytes
            : request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;
}
