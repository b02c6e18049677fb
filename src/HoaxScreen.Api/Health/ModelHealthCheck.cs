using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Core.Modeling;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HoaxScreen.Api.Health;

/// <summary>Ready when a model is loaded and scores the readiness canary.</summary>
public sealed class ModelHealthCheck(ModelHolder holder, ILogger<ModelHealthCheck> logger) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!holder.IsLoaded)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("No model is loaded."));
        }

        var model = holder.Current;
        try
        {
            var verdict = model.Model.Score(CanaryPosts.Readiness);
            return Task.FromResult(verdict.Labels.Count == model.Model.Labels.Count
                ? HealthCheckResult.Healthy($"Model {model.Version} answers.")
                : HealthCheckResult.Unhealthy($"Model {model.Version} returned {verdict.Labels.Count} labels for {model.Model.Labels.Count}."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.CanaryFailed(model.Version, ex);
            return Task.FromResult(HealthCheckResult.Unhealthy($"Model {model.Version} failed its canary.", ex));
        }
    }
}
