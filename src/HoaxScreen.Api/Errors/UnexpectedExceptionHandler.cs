using HoaxScreen.Api.Logging;
using Microsoft.AspNetCore.Diagnostics;

namespace HoaxScreen.Api.Errors;

/// <summary>
/// The last exception handler: any failure no other handler claimed answers 500 problem details in plain words (no
/// exception text), and is logged through <see cref="RepeatedFailureLog"/> so a repeated failure cannot flood the log.
/// Handling it here also keeps the framework from logging its own stack trace for every occurrence.
/// </summary>
public sealed class UnexpectedExceptionHandler(
    IProblemDetailsService problemDetails, RepeatedFailureLog failures, ILogger<UnexpectedExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var request = httpContext.Request;
        var (log, first, suppressed) = failures.Record(exception);
        if (log && first)
        {
            logger.UnexpectedFailure(request.Method, request.Path, RepeatedFailureLog.Describe(exception), exception);
        }
        else if (log)
        {
            logger.UnexpectedFailureRepeated(request.Method, request.Path, RepeatedFailureLog.Describe(exception), suppressed);
        }

        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Internal Server Error",
                Detail = "The service could not answer this request. The failure has been logged; retry, and report it if it persists.",
            },
        });
    }
}
