using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Bench.Claims;

/// <summary>What a query must do: match its own claim (known), or match nothing (unseen, clean).</summary>
public enum QueryKind
{
    Known,
    Unseen,
    Clean,
}

/// <summary>
/// One benchmark query: a post, its kind, its fold, for known and unseen posts the claim it repeats, and that claim's
/// TurnBackHoax category (others, scam; "clean" for clean posts).
/// </summary>
public sealed record ClaimQuery(int Id, QueryKind Kind, int Fold, string? ClaimId, string Text, string Category);

/// <summary>
/// The known-hoax benchmark's data, built from ../shared/data (never copied into the repository): the indexed claims
/// (headline only) and the three kinds of query, in a fixed order (known and unseen in posts.csv order, then clean).
/// </summary>
public sealed record ClaimsBenchData(IReadOnlyList<FactCheck> IndexedClaims, IReadOnlyList<ClaimQuery> Queries, int AllClaims, int CleanCandidates)
{
    public const string ClaimsFolder = "turnbackhoax2024-claims";
    public const string CleanFile = "ibrohim2019-hs-abusive/train.csv";
    public const int DefaultClean = 1000;

    public static bool Available(string sharedData) =>
        File.Exists(Path.Combine(sharedData, ClaimsFolder, "claims.csv"))
        && File.Exists(Path.Combine(sharedData, ClaimsFolder, "posts.csv"))
        && File.Exists(Path.Combine(sharedData, CleanFile));

    public static ClaimsBenchData Load(string sharedData, int cleanCount)
    {
        var claimsCsv = Path.Combine(sharedData, ClaimsFolder, "claims.csv");
        var claims = ClaimImport.Load(claimsCsv, ClaimFormat.Csv).Claims.ToList();
        // Headline only: the circulated text must not be in the index (it is the query).
        var indexed = claims.Where(c => ClaimsSplit.IsIndexed(c.Id)).Select(c => c with { Text = null }).ToList();
        var known = indexed.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var ids = claims.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        // The importer keeps only the canonical fields, so the category column is read on its own.
        var categories = Rows(claimsCsv, "id", "category").ToDictionary(r => r.Item1.Trim(), r => r.Item2, StringComparer.Ordinal);

        var queries = new List<ClaimQuery>();
        var postsCsv = Path.Combine(sharedData, ClaimsFolder, "posts.csv");
        foreach (var (text, claimId) in Rows(postsCsv, "text", "claim_id"))
        {
            if (!ids.Contains(claimId))
            {
                throw new DataFormatException($"{postsCsv}: claim_id '{claimId}' is not in {claimsCsv}");
            }

            var kind = known.Contains(claimId) ? QueryKind.Known : QueryKind.Unseen;
            queries.Add(new ClaimQuery(queries.Count, kind, ClaimsSplit.Fold(claimId), claimId, text, categories.GetValueOrDefault(claimId, "")));
        }

        // Clean posts: neither hate speech nor abusive, distinct texts, the lowest H(text) first.
        var cleanCsv = Path.Combine(sharedData, CleanFile);
        var candidates = CleanRows(cleanCsv).Distinct(StringComparer.Ordinal).ToList();
        foreach (var text in candidates.Select(t => (Text: t, Hash: ClaimsSplit.Hash(t))).OrderBy(t => t.Hash).Take(cleanCount).Select(t => t.Text))
        {
            queries.Add(new ClaimQuery(queries.Count, QueryKind.Clean, ClaimsSplit.Fold(text), null, text, "clean"));
        }

        return new ClaimsBenchData(indexed, queries, claims.Count, candidates.Count);
    }

    private static IEnumerable<string> CleanRows(string path)
    {
        using var reader = CsvRecordReader.Open(path);
        var header = reader.ReadRecord() ?? throw new DataFormatException($"{path}: empty file");
        var (text, hs, abusive) = (Column(header, "text", path), Column(header, "HS", path), Column(header, "Abusive", path));
        while (reader.ReadRecord() is { } record)
        {
            if (record[hs].Trim() == "0" && record[abusive].Trim() == "0" && record[text].Trim().Length > 0)
            {
                yield return record[text];
            }
        }
    }

    private static IEnumerable<(string, string)> Rows(string path, string first, string second)
    {
        using var reader = CsvRecordReader.Open(path);
        var header = reader.ReadRecord() ?? throw new DataFormatException($"{path}: empty file");
        var (a, b) = (Column(header, first, path), Column(header, second, path));
        while (reader.ReadRecord() is { } record)
        {
            yield return (record[a], record[b].Trim());
        }
    }

    private static int Column(string[] header, string name, string path) =>
        Array.IndexOf(header, name) is var i and >= 0 ? i : throw new DataFormatException($"{path}: no '{name}' column");
}
