using Microsoft.Net.Http.Headers;

namespace HoaxScreen.Api.Security;

/// <summary>
/// Marks an admin route that takes a file as its body instead of a JSON object (the claims import):
/// <see cref="JsonBodyFilter"/> then accepts a body declared as one of <see cref="MediaTypes"/>. None of them may be a
/// type a page on another site can make a browser send without a CORS preflight (<c>text/plain</c>,
/// <c>application/x-www-form-urlencoded</c>, <c>multipart/form-data</c>), so the route stays as safe from forged
/// requests as a JSON one.
/// </summary>
public sealed class FileBodyMetadata
{
    private static readonly string[] CorsSafelisted = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"];

    public FileBodyMetadata(params string[] mediaTypes)
    {
        foreach (var type in mediaTypes)
        {
            if (CorsSafelisted.Contains(type, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"{type} can be sent cross-site without a preflight; a state-changing route must not accept it.", nameof(mediaTypes));
            }
        }

        MediaTypes = mediaTypes;
    }

    public IReadOnlyList<string> MediaTypes { get; }

    /// <summary>What a refused request is told.</summary>
    public string Detail =>
        $"This route imports a file: send it as the body with one of these content types: {string.Join(", ", MediaTypes)} " +
        $"(with curl: -H 'Content-Type: {MediaTypes[0]}' --data-binary @FILE; a form or text/plain is refused, so a web page elsewhere cannot forge an import).";

    /// <summary>Whether <paramref name="contentType"/> (parameters such as charset ignored) is one of <see cref="MediaTypes"/>.</summary>
    public bool Accepts(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && MediaTypes.Contains(parsed.MediaType.Value, StringComparer.OrdinalIgnoreCase);
}
