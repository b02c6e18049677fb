namespace HoaxScreen.Core.Text;

/// <summary>Stage 2, links: whether a chunk of the folded text (between spaces) is a URL, bare domain or e-mail address.</summary>
internal static class UrlDetection
{
    private static readonly string[] Domains = [".com", ".id", ".net", ".org", ".ly", ".co", ".me", ".io", ".gl", ".info", ".xyz", ".site"];

    /// <summary>The end of the link that starts the chunk <c>s[start..end)</c>, or null when the chunk is not a link.</summary>
    public static int? UrlSpan(string s, int start, int end)
    {
        var chunk = s.AsSpan(start, end - start);
        // Every form below but "URL" has a '.' or a ':' in it; most words have neither, and go no further.
        var looksLikeUrl = chunk.IndexOfAny('.', ':') < 0
            ? chunk.Equals("URL", StringComparison.Ordinal)
            : chunk.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
              || chunk.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
              || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
              || IsDomainOrEmail(chunk);
        if (!looksLikeUrl)
        {
            return null;
        }

        // Leave trailing sentence punctuation out of the link's span.
        var stop = end;
        while (stop > start + 1 && s[stop - 1] is '.' or ',' or '!' or '?' or ')' or ']' or '"' or '\'' or ':' or ';')
        {
            stop--;
        }

        return stop;
    }

    private static bool IsDomainOrEmail(ReadOnlySpan<char> chunk)
    {
        var trimmed = chunk.TrimEnd(".,!?)]\"':;");
        var slash = trimmed.IndexOf('/');
        var host = slash >= 0 ? trimmed[..slash] : trimmed;
        var dot = host.LastIndexOf('.');
        if (dot <= 0 || dot == host.Length - 1)
        {
            return false;
        }

        foreach (var domain in Domains)
        {
            if (host.EndsWith(domain, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var c in host)
                {
                    if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '@' or '_'))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }
}
