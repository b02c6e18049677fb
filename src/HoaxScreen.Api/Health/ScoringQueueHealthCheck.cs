using System.Globalization;
using HoaxScreen.Api.Limits;
using HoaxScreen.Api.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Health;

/// <summary>
/// Not ready while a short post has waited longer than <c>Limits:ReadyMaxQueueWaitSeconds</c> for a scoring slot: the
/// replica answers, but slowly, so new traffic belongs elsewhere until its queue drains.
/// </summary>
public sealed class ScoringQueueHealthCheck(ScoringQueueMonitor queue, IOptions<LimitsOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var limit = options.Value.ReadyMaxQueueWaitSeconds;
        var wait = queue.LongestWait;
        if (limit > 0 && wait.TotalSeconds > limit)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(string.Create(
                CultureInfo.InvariantCulture,
                $"{queue.Count} posts wait for a scoring slot, the longest {wait.TotalSeconds:F1} s (over Limits:ReadyMaxQueueWaitSeconds {limit} s).")));
        }

        return Task.FromResult(HealthCheckResult.Healthy("The scoring queue keeps up."));
    }
}
