using Microsoft.Net.Http.Headers;

namespace HoaxScreen.Api.Security;

/// <summary>
/// Headers on every response the pipeline writes (JSON, problem details, health, metrics, Swagger UI, the playground),
/// so no browser sniffs an answer into HTML or script, shows the service inside another site's frame, or lets an
/// answer load anything it did not mean to: <c>X-Content-Type-Options: nosniff</c>, <c>X-Frame-Options: DENY</c> and a
/// Content-Security-Policy with <c>frame-ancestors 'none'</c>. A response that sets its own policy keeps it (the
/// playground's); Swagger UI gets <see cref="SwaggerUiPolicy"/>; everything else <see cref="ApiPolicy"/>. (Kestrel's own
/// refusals of malformed HTTP, e.g. 431 for oversized headers, are written before any middleware and carry none.)
/// </summary>
public static class SecurityHeaders
{
    /// <summary>JSON, problem details and text: nothing to load, no framing.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Swagger UI (Swashbuckle's page, its bundled scripts and styles, all served from <c>/swagger</c>): scripts from
    /// this service only (Swashbuckle's <c>index.html</c> has no inline script; its settings come from
    /// <c>index.js</c>), no <c>eval</c>; styles from this service, plus inline ones, which the UI sets on elements as it
    /// renders; images from this service and <c>data:</c> URIs (its icons); requests ("Try it out") to this service only.
    /// </summary>
    public const string SwaggerUiPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string SwaggerPrefix = "/swagger";

    private static readonly Func<object, Task> Apply = static state =>
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = IsSwaggerUi(context.Request.Path) ? SwaggerUiPolicy : ApiPolicy;
        }

        return Task.CompletedTask;
    };

    /// <summary>
    /// First in the pipeline: the headers are added as the response starts, so they are on every answer, including those
    /// the exception handler, status-code pages, authentication and the limits write.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(Apply, context);
            return next(context);
        });
        return app;
    }

    // The UI's page and files; the OpenAPI document itself (JSON) gets the API policy.
    private static bool IsSwaggerUi(PathString path) =>
        path.StartsWithSegments(SwaggerPrefix, StringComparison.OrdinalIgnoreCase)
        && !path.Value!.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
