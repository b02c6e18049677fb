using System.Globalization;
using System.Text;
using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Bench.Claims;

/// <summary>The files the benchmark writes into its work folder (always outside the repository).</summary>
public static class ClaimsFiles
{
    /// <summary>The indexed claims in the canonical claims CSV (id, claim, verdict), as <c>claims train</c> reads them.</summary>
    public static void WriteClaims(string path, IEnumerable<FactCheck> claims)
    {
        using var writer = Open(path);
        writer.WriteLine("id,claim,verdict");
        foreach (var c in claims)
        {
            writer.WriteLine($"{CsvText.Escape(c.Id)},{CsvText.Escape(c.Claim)},{CsvText.Escape(c.Verdict ?? "")}");
        }
    }

    /// <summary>
    /// Training pairs in data/claims/pairs.csv's format (post, claim_id, kind): a known post is a <c>repeat</c> of its
    /// claim; an unseen or clean post is <c>unrelated</c> (its claim, if any, is not among the indexed claims).
    /// </summary>
    public static void WritePairs(string path, IEnumerable<ClaimQuery> queries)
    {
        using var writer = Open(path);
        writer.WriteLine("post,claim_id,kind");
        foreach (var q in queries)
        {
            writer.WriteLine(q.Kind == QueryKind.Known
                ? $"{CsvText.Escape(q.Text)},{CsvText.Escape(q.ClaimId!)},repeat"
                : $"{CsvText.Escape(q.Text)},,unrelated");
        }
    }

    /// <summary>What the Python peers read: index.csv (id, claim) and queries.csv (qid, kind, fold, claim_id, text).</summary>
    public static void WritePeerInputs(string work, ClaimsBenchData data)
    {
        using (var writer = Open(Path.Combine(work, "index.csv")))
        {
            writer.WriteLine("id,claim");
            foreach (var c in data.IndexedClaims)
            {
                writer.WriteLine($"{CsvText.Escape(c.Id)},{CsvText.Escape(c.Claim)}");
            }
        }

        using (var writer = Open(Path.Combine(work, "queries.csv")))
        {
            writer.WriteLine("qid,kind,fold,claim_id,text");
            foreach (var q in data.Queries)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{q.Id},{q.Kind.ToString().ToLowerInvariant()},{q.Fold},{CsvText.Escape(q.ClaimId ?? "")},{CsvText.Escape(q.Text)}"));
            }
        }
    }

    private static StreamWriter Open(string path) => new(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
}
