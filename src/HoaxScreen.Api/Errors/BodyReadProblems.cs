using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace HoaxScreen.Api.Errors;

/// <summary>
/// Says in plain words why a request body could not be read as the endpoint's JSON: a field of the wrong type becomes
/// a field-level <c>errors</c> entry (<c>{"explain": ["explain must be true or false."]}</c>), anything else one
/// <c>detail</c> line. The framework's own wording (parameter and .NET type names, JSON paths such as <c>$.text</c>)
/// never reaches the caller; it is only logged, at Debug.
/// </summary>
public static class BodyReadProblems
{
    private const string ValidationTitle = "One or more validation errors occurred.";

    /// <param name="exception">The binding failure.</param>
    /// <param name="bodyType">The endpoint's body contract (from its accepts metadata), or null when unknown.</param>
    /// <param name="maxDepth">The JSON nesting limit, for the message when it is exceeded.</param>
    public static ProblemDetails Describe(BadHttpRequestException exception, Type? bodyType, int maxDepth)
    {
        var status = exception.StatusCode;
        if (status == StatusCodes.Status415UnsupportedMediaType)
        {
            return Plain(status, "Send the request body as JSON with Content-Type: application/json.");
        }

        if (status != StatusCodes.Status400BadRequest)
        {
            // Our own limits (413) and the server's messages say nothing about .NET; keep them.
            return Plain(status, exception.Message);
        }

        return exception.InnerException switch
        {
            JsonException json => FromJson(json, bodyType, maxDepth),
            null when bodyType is not null => Plain(status, $"The request body is missing or null: send {BodyShape(bodyType)}."),
            _ => Plain(status, "The request body could not be read as JSON."),
        };
    }

    private static ProblemDetails FromJson(JsonException json, Type? bodyType, int maxDepth)
    {
        if (json.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase))
        {
            return Plain(StatusCodes.Status400BadRequest, $"The request body is nested more deeply than the maximum depth of {maxDepth}.");
        }

        // The reader's own error (its exception derives from JsonException): the text is not JSON at all.
        if (json.InnerException is JsonException)
        {
            return Plain(StatusCodes.Status400BadRequest, $"The request body is not valid JSON{Position(json)}{Reason(json)}.");
        }

        var field = JsonBodyFields.Resolve(bodyType, json.Path);
        if (field is null)
        {
            return Plain(StatusCodes.Status400BadRequest, $"The request body must be {BodyShape(bodyType)}.");
        }

        var subject = field.IsListItem ? field.Key : field.Name;
        var message = IsInvalidText(json)
            ? $"{subject} must be valid UTF-8 text (it holds an invalid character or escape)."
            : $"{subject} must be {JsonBodyFields.Describe(field.Type)}.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field.Key] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = ValidationTitle,
            Detail = message,
        };
    }

    private static ProblemDetails Plain(int status, string detail) => new()
    {
        Status = status,
        Title = ReasonPhrases.GetReasonPhrase(status),
        Detail = detail,
    };

    private static string BodyShape(Type? bodyType) =>
        bodyType is not null && JsonBodyFields.RequiredFields(bodyType) is { Count: > 0 } required
            ? $"a JSON object with {string.Join(" and ", required.Select(r => $"\"{r}\""))}"
            : "a JSON object";

    private static string Position(JsonException json) =>
        json.LineNumber is { } line && json.BytePositionInLine is { } position ? $" (line {line + 1}, byte {position + 1})" : string.Empty;

    /// <summary>The reader's reason without the location, the path and advice about reader options: ": 'x' is invalid ...".</summary>
    private static string Reason(JsonException json)
    {
        var message = json.Message;
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }

        var sentences = message.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.TrimEnd('.'))
            .Where(s => s.Length > 0
                && !s.Contains("reader options", StringComparison.OrdinalIgnoreCase)
                && !s.Contains("System.", StringComparison.Ordinal)
                && !s.Contains('$', StringComparison.Ordinal))
            .ToList();
        return sentences.Count == 0 ? string.Empty : ": " + string.Join(". ", sentences);
    }

    /// <summary>A string that is not valid text (a lone surrogate escape, bytes that are not UTF-8), rather than a wrong type.</summary>
    private static bool IsInvalidText(JsonException json)
    {
        for (Exception? inner = json.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is DecoderFallbackException
                || inner.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase)
                || inner.Message.Contains("UTF-16", StringComparison.OrdinalIgnoreCase)
                || inner.Message.Contains("surrogate", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
