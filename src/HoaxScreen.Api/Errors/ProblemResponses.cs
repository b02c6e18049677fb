using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace HoaxScreen.Api.Errors;

/// <summary>Writes RFC 7807 problem details from middleware (authentication, limits), where no endpoint result is at hand.</summary>
public static class ProblemResponses
{
    public static async Task WriteAsync(HttpContext context, int status, string detail, TimeSpan? retryAfter = null)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        if (retryAfter is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = status,
                Title = ReasonPhrases.GetReasonPhrase(status),
                Detail = detail,
            },
        });
        if (!written)
        {
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsJsonAsync(
                new { status, title = ReasonPhrases.GetReasonPhrase(status), detail },
                options: null,
                contentType: "application/problem+json");
        }
    }
}
