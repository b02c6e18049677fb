using HoaxScreen.Api.Errors;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Options;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Limits;

/// <summary>
/// The 503 answer for a request that ran out of time (<c>Limits:RequestTimeoutSeconds</c>), wherever it was: the
/// request-timeout middleware writes it when the endpoint stops on its cancelled token, and
/// <see cref="UseTimedOutWhileQueued"/> when the rate limiter gave up waiting for a scoring slot, which ends the request
/// without a response (the client would get an empty 200).
/// </summary>
public static class RequestTimeoutResponses
{
    public static Task WriteAsync(HttpContext context, int seconds, ILogger logger)
    {
        logger.RequestTimedOut(context.Request.Method, context.Request.Path, seconds);
        return ProblemResponses.WriteAsync(
            context,
            StatusCodes.Status503ServiceUnavailable,
            $"The request did not complete within {seconds} s (Limits:RequestTimeoutSeconds); the service is busy, retry shortly.",
            TimeSpan.FromSeconds(1));
    }

    /// <summary>Between the request timeouts and the rate limiter: answers 503 for a request that timed out while queued.</summary>
    public static WebApplication UseTimedOutWhileQueued(this WebApplication app)
    {
        var seconds = app.Services.GetRequiredService<IOptions<LimitsOptions>>().ValueOrDefaults().RequestTimeoutSeconds;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestTimeoutResponses).Namespace + ".RequestTimeouts");
        app.Use(async (context, next) =>
        {
            await next(context);
            if (!context.Response.HasStarted
                && context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true)
            {
                await WriteAsync(context, seconds, logger);
            }
        });
        return app;
    }
}
