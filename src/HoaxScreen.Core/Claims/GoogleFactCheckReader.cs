using System.Text.Json;

namespace HoaxScreen.Core.Claims;

/// <summary>
/// The Google Fact Check Tools API's <c>claims:search</c> response: <c>{ "claims": [ { "text", "claimant",
/// "claimDate", "claimReview": [ { "publisher": { "name", "site" }, "url", "title", "reviewDate", "textualRating",
/// "languageCode" } ] } ] }</c>. One record per review: id = the review's url (required: the API has no other id),
/// claim = <c>claims[].text</c> (the review's title when the claim has no text), verdict = textualRating,
/// publisher = publisher.name (else site), published = reviewDate, language = languageCode, and text = the review's
/// title when it words the claim differently (a second wording for the matcher), else nothing. Errors name the
/// record as <c>claims[i].claimReview[j]</c> (0-based, as in the response).
/// </summary>
public static class GoogleFactCheckReader
{
    public static IEnumerable<FactCheck> Read(TextReader text, string name)
    {
        using var document = ClaimFields.ParseDocument(text.ReadToEnd(), name);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ClaimImportException($"{name}: expected an object with a \"claims\" array, found {ClaimFields.Kind(root)}");
        }

        if (!root.TryGetProperty("claims", out var claims))
        {
            // The API leaves "claims" out when nothing matched the query.
            yield break;
        }

        if (claims.ValueKind != JsonValueKind.Array)
        {
            throw new ClaimImportException($"{name}: \"claims\" must be an array, not {ClaimFields.Kind(claims)}");
        }

        var i = 0;
        foreach (var claim in claims.EnumerateArray())
        {
            var whereClaim = $"{name}: record claims[{i}]";
            if (claim.ValueKind != JsonValueKind.Object)
            {
                throw new ClaimImportException($"{whereClaim}: expected an object, found {ClaimFields.Kind(claim)}");
            }

            var claimText = ClaimFields.Clean(ClaimFields.Text(claim, "text", whereClaim));
            if (!claim.TryGetProperty("claimReview", out var reviews) || reviews.ValueKind != JsonValueKind.Array)
            {
                throw new ClaimImportException($"{whereClaim}: missing claimReview (an array of reviews)");
            }

            var j = 0;
            foreach (var review in reviews.EnumerateArray())
            {
                var where = $"{name}: record claims[{i}].claimReview[{j}]";
                if (review.ValueKind != JsonValueKind.Object)
                {
                    throw new ClaimImportException($"{where}: expected an object, found {ClaimFields.Kind(review)}");
                }

                var title = ClaimFields.Clean(ClaimFields.Text(review, "title", where));
                var verdict = ClaimFields.Clean(ClaimFields.Text(review, "textualRating", where));
                var publisher = ClaimFields.Object(review, "publisher") is { } p
                    ? ClaimFields.Clean(ClaimFields.Text(p, "name", where)) ?? ClaimFields.Clean(ClaimFields.Text(p, "site", where))
                    : null;
                var statement = claimText ?? title;
                yield return new FactCheck
                {
                    Id = ClaimFields.Required(ClaimFields.Text(review, "url", where), "url (the review's id)", where),
                    Claim = ClaimFields.Required(statement, "claim (no text, no title)", where),
                    Verdict = verdict,
                    Rating = ClaimRatings.FromVerdict(verdict),
                    Url = ClaimFields.Clean(ClaimFields.Text(review, "url", where)),
                    Publisher = publisher,
                    Published = ClaimFields.Date(ClaimFields.Text(review, "reviewDate", where), "reviewDate", where),
                    Language = ClaimFields.Language(ClaimFields.Text(review, "languageCode", where)),
                    Text = title is not null && !SameWords(title, statement!) ? title : null,
                };
                j++;
            }

            i++;
        }
    }

    private static bool SameWords(string a, string b) =>
        string.Equals(string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);
}
