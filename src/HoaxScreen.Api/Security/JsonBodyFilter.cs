using HoaxScreen.Api.Logging;

namespace HoaxScreen.Api.Security;

/// <summary>
/// Endpoint filter for routes that change the service's state (every <c>/admin</c> route): a POST, PUT or PATCH must
/// carry a JSON body with <c>Content-Type: application/json</c>, else 415 problem details. A web page on another site
/// can make a browser send a bodyless or form POST to this service without asking (a "simple" cross-origin request),
/// but never one with a JSON content type: that needs a CORS preflight, which this service never approves. So the rule
/// stops such forged requests even while no API keys are configured. A route that takes no options is sent <c>{}</c>.
/// A route that imports a file (<see cref="FileBodyMetadata"/>) takes its own content types instead, none of which a
/// cross-site form can send either.
/// </summary>
public static class JsonBodyFilter
{
    public static readonly string Detail =
        "This route changes the service's state, so it takes a JSON body: send Content-Type: application/json with a JSON object ({} for the defaults).";

    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        if (CarriesBody(http.Request.Method) && http.GetEndpoint()?.Metadata.GetMetadata<FileBodyMetadata>() is { } file)
        {
            // A file route checks the declared type only: an empty file is the handler's 400, not a 415.
            if (!file.Accepts(http.Request.ContentType))
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(JsonBodyFilter))
                    .JsonBodyMissing(http.Request.Method, http.Request.Path, http.Request.ContentType ?? "none");
                return TypedResults.Problem(file.Detail, statusCode: StatusCodes.Status415UnsupportedMediaType);
            }

            return await next(invocation);
        }

        if (CarriesBody(http.Request.Method) && !HasJsonBody(http))
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(JsonBodyFilter))
                .JsonBodyMissing(http.Request.Method, http.Request.Path, http.Request.ContentType ?? "none");
            return TypedResults.Problem(Detail, statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        return await next(invocation);
    }

    private static bool CarriesBody(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method);

    // A body the server can read (a length above 0 or chunked) declared as JSON; binding has already refused a body of
    // another type.
    private static bool HasJsonBody(HttpContext http) =>
        http.Request.HasJsonContentType()
        && http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;
}

/// <summary>Marks the endpoints <see cref="JsonBodyFilter"/> guards, so the OpenAPI document shows their body as required.</summary>
public sealed class JsonBodyRequiredMetadata
{
    public static JsonBodyRequiredMetadata Instance { get; } = new();

    private JsonBodyRequiredMetadata()
    {
    }
}
