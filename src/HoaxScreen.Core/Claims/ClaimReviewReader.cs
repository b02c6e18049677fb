using System.Text.Json;

namespace HoaxScreen.Core.Claims;

/// <summary>
/// schema.org ClaimReview JSON-LD: one ClaimReview object, an array of them, or an object whose <c>@graph</c> holds
/// them (other nodes of the graph, e.g. an Organization or WebPage, are skipped). Fields: <c>claimReviewed</c> → claim,
/// <c>reviewRating.alternateName</c> (else <c>reviewRating.name</c>) → verdict, <c>url</c>, <c>author.name</c> (else
/// <c>publisher.name</c>) → publisher, <c>datePublished</c> → published, <c>inLanguage</c> → language, and the first
/// <c>itemReviewed.appearance</c> (or <c>firstAppearance</c>) with a <c>text</c> or <c>headline</c> → text.
/// The id is the review's <c>@id</c> (unless a blank node "_:…"), else its <c>identifier</c>, else its <c>url</c>.
/// Errors name the record: its 1-based place in the array or graph.
/// </summary>
public static class ClaimReviewReader
{
    public static IEnumerable<FactCheck> Read(TextReader text, string name)
    {
        using var document = ClaimFields.ParseDocument(text.ReadToEnd(), name);
        var items = Items(document.RootElement);
        var found = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (!IsClaimReview(items[i]))
            {
                continue;
            }

            found++;
            yield return FromReview(items[i], $"{name}: record {i + 1}");
        }

        if (found == 0)
        {
            throw new ClaimImportException($"{name}: no ClaimReview found (expected objects with \"@type\": \"ClaimReview\" and claimReviewed)");
        }
    }

    internal static IReadOnlyList<JsonElement> Items(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Array => [.. root.EnumerateArray()],
        JsonValueKind.Object when root.TryGetProperty("@graph", out var graph) && graph.ValueKind == JsonValueKind.Array => [.. graph.EnumerateArray()],
        JsonValueKind.Object => [root],
        _ => [],
    };

    internal static bool IsClaimReview(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (item.TryGetProperty("claimReviewed", out _))
        {
            return true;
        }

        if (!item.TryGetProperty("@type", out var type))
        {
            return false;
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => IsClaimReviewType(type.GetString()),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && IsClaimReviewType(t.GetString())),
            _ => false,
        };
    }

    private static bool IsClaimReviewType(string? type) =>
        type is not null && (type.Equals("ClaimReview", StringComparison.OrdinalIgnoreCase) || type.EndsWith("/ClaimReview", StringComparison.OrdinalIgnoreCase));

    private static FactCheck FromReview(JsonElement review, string where)
    {
        var url = ClaimFields.Text(review, "url", where);
        var id = ClaimFields.Clean(ClaimFields.Text(review, "@id", where)) is { } node && !node.StartsWith("_:", StringComparison.Ordinal) ? node : null;
        id ??= Identifier(review, where) ?? ClaimFields.Clean(url)
            ?? throw new ClaimImportException($"{where}: missing id (no @id, identifier or url)");

        var rating = ClaimFields.Object(review, "reviewRating");
        var verdict = rating is { } r ? ClaimFields.Clean(ClaimFields.Text(r, "alternateName", where)) ?? ClaimFields.Text(r, "name", where) : null;

        return new FactCheck
        {
            Id = id,
            Claim = ClaimFields.Required(ClaimFields.Text(review, "claimReviewed", where), "claimReviewed (the claim)", where),
            Verdict = ClaimFields.Clean(verdict),
            Rating = ClaimRatings.FromVerdict(verdict),
            Url = ClaimFields.Clean(url),
            Publisher = ClaimFields.Clean(Name(review, "author", where)) ?? ClaimFields.Clean(Name(review, "publisher", where)),
            Published = ClaimFields.Date(ClaimFields.Text(review, "datePublished", where), "datePublished", where),
            Language = ClaimFields.Language(Language(review, where)),
            Text = ClaimFields.Clean(Appearance(review, where)),
        };
    }

    private static string? Identifier(JsonElement review, string where)
    {
        if (!review.TryGetProperty("identifier", out var identifier))
        {
            return null;
        }

        return identifier.ValueKind switch
        {
            JsonValueKind.Object => ClaimFields.Clean(ClaimFields.Text(identifier, "value", where)),
            JsonValueKind.Array => identifier.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.Object
                ? ClaimFields.Clean(ClaimFields.Text(i, "value", where))
                : i.ValueKind is JsonValueKind.String or JsonValueKind.Number ? ClaimFields.Clean(i.ValueKind == JsonValueKind.String ? i.GetString() : i.GetRawText()) : null)
                .FirstOrDefault(v => v is not null),
            _ => ClaimFields.Clean(ClaimFields.Text(review, "identifier", where)),
        };
    }

    /// <summary>author / publisher: a string, an object with a name, or an array of them (the first with a name).</summary>
    private static string? Name(JsonElement review, string property, string where)
    {
        if (!review.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => ClaimFields.Text(value, "name", where),
            JsonValueKind.Array => value.EnumerateArray()
                .Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : ClaimFields.Text(v, "name", where))
                .FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
            _ => null,
        };
    }

    private static string? Language(JsonElement review, string where)
    {
        if (!review.TryGetProperty("inLanguage", out var language))
        {
            return null;
        }

        return language.ValueKind == JsonValueKind.Object
            ? ClaimFields.Text(language, "alternateName", where) ?? ClaimFields.Text(language, "name", where)
            : ClaimFields.Text(review, "inLanguage", where);
    }

    private static string? Appearance(JsonElement review, string where)
    {
        if (ClaimFields.Object(review, "itemReviewed") is not { } item)
        {
            return null;
        }

        foreach (var property in new[] { "appearance", "firstAppearance" })
        {
            if (!item.TryGetProperty(property, out var appearance))
            {
                continue;
            }

            IEnumerable<JsonElement> all = appearance.ValueKind == JsonValueKind.Array ? appearance.EnumerateArray() : [appearance];
            foreach (var one in all.Where(a => a.ValueKind == JsonValueKind.Object))
            {
                if (ClaimFields.Clean(ClaimFields.Text(one, "text", where) ?? ClaimFields.Text(one, "headline", where)) is { } text)
                {
                    return text;
                }
            }
        }

        return null;
    }
}
