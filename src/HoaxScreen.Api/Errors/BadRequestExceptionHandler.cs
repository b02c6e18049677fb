using HoaxScreen.Api.Logging;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Errors;

/// <summary>
/// Turns request-binding failures (malformed JSON, wrong types, missing body, wrong content type) into 4xx problem
/// details with the status the framework chose, in plain words (<see cref="BodyReadProblems"/>), instead of letting them
/// surface as 500s. The framework's own message is logged at Debug.
/// </summary>
public sealed class BadRequestExceptionHandler(
    IProblemDetailsService problemDetails,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var status = badRequest.StatusCode;
        logger.BadRequestRejected(httpContext.Request.Method, httpContext.Request.Path, status, badRequest.Message);

        // The exception handler runs with the endpoint cleared; the feature keeps the one that failed.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var maxDepth = json.Value.SerializerOptions.MaxDepth is > 0 and var depth ? depth : 64;
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = BodyReadProblems.Describe(badRequest, bodyType, maxDepth),
        });
    }
}
