using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HoaxScreen.Api.Health;

public static class HealthExtensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    public static IServiceCollection AddApiHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("The process is up."), tags: [LiveTag])
            .AddCheck<ModelHealthCheck>("model", tags: [ReadyTag])
            .AddCheck<ScoringQueueHealthCheck>("scoring-queue", tags: [ReadyTag]);
        return services;
    }

    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: a model is loaded and scores a canary (503 otherwise).</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) })
            .WithName("Liveness")
            .WithSummary("Liveness probe")
            .WithDescription("200 \"Healthy\" while the process is up. Does not touch the model.");

        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .WithName("Readiness")
            .WithSummary("Readiness probe")
            .WithDescription(
                "200 \"Healthy\" when a model is loaded and scores a canary post and no short post has waited longer than " +
                "`Limits:ReadyMaxQueueWaitSeconds` for a scoring slot; 503 \"Unhealthy\" otherwise.");
        return app;
    }
}
