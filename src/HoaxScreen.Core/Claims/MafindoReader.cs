using System.Text.Json;
using System.Text.RegularExpressions;

namespace HoaxScreen.Core.Claims;

/// <summary>
/// Mafindo TurnBackHoax API records, as a JSON array or JSON Lines, of objects <c>id, title, content, fact,
/// conclusion, classification, source_link, tanggal</c> (others ignored). id = "tbh-" + id (the ids are numbers that
/// would collide with other sources'; "tbh-" is what ../shared/data/turnbackhoax2024-claims uses); claim = title
/// without its leading tag ("[SALAH] …", "[HOAKS] …"); verdict = classification, or that tag when classification is
/// empty; text = content (the post as it circulated); url = source_link; published = tanggal (2024-03-05 or
/// 2024-03-05 10:00:00); publisher "TurnBackHoax (Mafindo)". fact and conclusion are not stored.
/// </summary>
public static partial class MafindoReader
{
    public const string Publisher = "TurnBackHoax (Mafindo)";

    public const string IdPrefix = "tbh-";

    /// <summary>Reads a JSON array (errors name "record N", 1-based) or JSON Lines (errors name the line).</summary>
    public static IEnumerable<FactCheck> Read(TextReader text, string name)
    {
        // A document starts with '['; JSON Lines with '{'.
        var all = text.ReadToEnd();
        var first = all.AsSpan().TrimStart().TrimStart('\uFEFF');
        if (first.Length > 0 && first[0] == '[')
        {
            return ClaimFields.ArrayRecords(all, name, FromObject);
        }

        return JsonLinesClaimReader.Objects(new StringReader(all), name).Select(o => FromObject(o.Value, $"{name}:{o.Line}"));
    }

    internal static FactCheck FromObject(JsonElement o, string where)
    {
        var id = ClaimFields.Required(ClaimFields.Text(o, "id", where), "id", where);
        var title = ClaimFields.Required(ClaimFields.Text(o, "title", where), "title (the claim)", where);
        string? tag = null;
        if (LeadingTag().Match(title) is { Success: true } match)
        {
            tag = match.Groups[1].Value.Trim();
            title = title[match.Length..].Trim();
        }

        var verdict = ClaimFields.Clean(ClaimFields.Text(o, "classification", where)) ?? ClaimFields.Clean(tag);
        return new FactCheck
        {
            Id = IdPrefix + id,
            Claim = ClaimFields.Required(title, "title (the claim, after its tag)", where),
            Verdict = verdict,
            Rating = ClaimRatings.FromVerdict(verdict),
            Url = ClaimFields.Clean(ClaimFields.Text(o, "source_link", where)),
            Publisher = Publisher,
            Published = ClaimFields.Date(ClaimFields.Text(o, "tanggal", where), "tanggal", where),
            Language = "id",
            Text = ClaimFields.Clean(ClaimFields.Text(o, "content", where)),
        };
    }

    [GeneratedRegex(@"^\s*\[([^\]]{1,40})\]\s*")]
    private static partial Regex LeadingTag();
}
