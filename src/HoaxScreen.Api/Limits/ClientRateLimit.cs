using System.Threading.RateLimiting;
using HoaxScreen.Api.Options;

namespace HoaxScreen.Api.Limits;

/// <summary>
/// Endpoint metadata marking the endpoints counted by the per-caller rate limit (<c>/v1</c>, <c>/admin</c>); health
/// probes and Swagger are never limited.
/// </summary>
public sealed class ClientRateLimitMetadata
{
    public static ClientRateLimitMetadata Instance { get; } = new();

    private ClientRateLimitMetadata()
    {
    }

    /// <summary>
    /// The global limiter: a fixed window per API key (its configured name) when the request authenticated with one, else
    /// per client address; no limit for unmarked endpoints or when <see cref="RateLimitOptions.PermitLimit"/> is 0.
    /// </summary>
    public static PartitionedRateLimiter<HttpContext> CreateGlobalLimiter(RateLimitOptions options)
    {
        var window = new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.PermitLimit),
            Window = TimeSpan.FromSeconds(options.WindowSeconds),
            QueueLimit = options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };

        return PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!options.Enabled || context.GetEndpoint()?.Metadata.GetMetadata<ClientRateLimitMetadata>() is null)
            {
                return RateLimitPartition.GetNoLimiter(string.Empty);
            }

            return RateLimitPartition.GetFixedWindowLimiter(CallerOf(context), _ => window);
        });
    }

    /// <summary>Who is calling, for per-caller limits: the API key's configured name, else the client address.</summary>
    public static string CallerOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? "key:" + name
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
