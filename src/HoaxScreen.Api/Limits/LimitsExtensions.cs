using System.Threading.RateLimiting;
using HoaxScreen.Api.Errors;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Options;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Limits;

public static class LimitsExtensions
{
    /// <summary>
    /// Kestrel body, header and connection limits, the JSON nesting limit, a default request timeout, the scoring
    /// concurrency cap and the per-caller rate limit, all from the <c>Limits</c> and <c>RateLimits</c> sections.
    /// </summary>
    public static IServiceCollection AddApiLimits(this IServiceCollection services)
    {
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LimitsOptions>, LimitsOptionsValidator>();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();

        services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitsOptions>>((kestrel, limits) =>
        {
            var value = limits.ValueOrDefaults();
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = value.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = value.MaxRequestHeadersTotalBytes;
            kestrel.Limits.MaxRequestHeaderCount = value.MaxRequestHeaderCount;
            kestrel.Limits.MaxRequestLineSize = value.MaxRequestLineBytes;
            kestrel.Limits.MaxConcurrentConnections = value.MaxConcurrentConnections > 0 ? value.MaxConcurrentConnections : null;
            kestrel.Limits.MaxConcurrentUpgradedConnections = 0;
        });

        services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>().Configure<IOptions<LimitsOptions>>(
            (json, limits) => json.SerializerOptions.MaxDepth = limits.ValueOrDefaults().MaxJsonDepth);

        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<LimitsOptions>, ILoggerFactory>((timeouts, limits, loggers) =>
        {
            var logger = loggers.CreateLogger(typeof(RequestBodyLimitMiddleware).Namespace + ".RequestTimeouts");
            var seconds = limits.ValueOrDefaults().RequestTimeoutSeconds;
            timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(seconds),
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                WriteTimeoutResponse = context => RequestTimeoutResponses.WriteAsync(context, seconds, logger),
            };
        });

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ScoringQueueMonitor>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, ILoggerFactory>((limiter, rate, loggers) =>
        {
            var logger = loggers.CreateLogger(typeof(RequestBodyLimitMiddleware).Namespace + ".RateLimits");
            var settings = rate.ValueOrDefaults();
            limiter.GlobalLimiter = ClientRateLimitMetadata.CreateGlobalLimiter(settings);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, _) =>
            {
                var http = context.HttpContext;
                TimeSpan? retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                logger.RateLimited(http.User.Identity?.Name ?? "anonymous", http.Request.Method, http.Request.Path);
                await ProblemResponses.WriteAsync(
                    http,
                    StatusCodes.Status429TooManyRequests,
                    $"Too many requests: at most {settings.PermitLimit} per {settings.WindowSeconds} s per caller (RateLimits).",
                    retryAfter);
            };
            limiter.AddPolicy<string, ScoringConcurrencyPolicy>(ScoringConcurrencyPolicy.Name);
        });
        return services;
    }

    /// <summary>
    /// Body and charset guard, then request timeouts, then the rate limiter (per-caller limit and scoring cap), so time
    /// spent queued for a scoring slot counts against the timeout (and a request that times out there is answered 503).
    /// </summary>
    public static WebApplication UseApiLimits(this WebApplication app)
    {
        app.UseRequestBodyLimit();
        app.UseRequestTimeouts();
        app.UseTimedOutWhileQueued();
        app.UseRateLimiter();
        var queue = app.Services.GetRequiredService<ScoringQueueMonitor>();
        app.Use((context, next) =>
        {
            queue.Started(context);
            return next(context);
        });
        return app;
    }
}
