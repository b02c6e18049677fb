using System.Globalization;
using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Core.TermLists;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// The design's CSV: first <c>id</c> when the input has ids (a string id as its characters, any other JSON id as
/// written; empty for a post without one), then LABEL (probability, "0.######", invariant culture) and LABEL_flagged
/// (0/1) per label, then flagged; with --claims, then claim_id and claim_score of the best candidate claim (both empty
/// when none was retrieved) and claim_decision (match, suggest or none); with --termlists, then term_matches (each
/// distinct <c>list:term</c> found, joined by " | ", empty when none); with --explain, then LABEL_words per label (the
/// words joined by " | ", empty when the label is not flagged).
/// </summary>
public sealed class CsvScoreWriter(TextWriter writer, IReadOnlyList<string> labels, bool explain, bool ids, bool claims = false, bool termLists = false) : IScoreWriter
{
    /// <summary>Separator between the words of one LABEL_words cell.</summary>
    public const string WordSeparator = " | ";

    /// <summary>The columns --claims adds after flagged.</summary>
    public static readonly string[] ClaimColumns = ["claim_id", "claim_score", "claim_decision"];

    /// <summary>The column --termlists adds after flagged and any claim columns.</summary>
    public const string TermMatchesColumn = "term_matches";

    private readonly char[] _number = new char[32];

    public void WriteHeader()
    {
        var columns = labels.SelectMany(l => new[] { l, l + "_flagged" }).Append("flagged");
        if (ids)
        {
            columns = columns.Prepend("id");
        }

        if (claims)
        {
            columns = columns.Concat(ClaimColumns);
        }

        if (termLists)
        {
            columns = columns.Append(TermMatchesColumn);
        }

        if (explain)
        {
            columns = columns.Concat(labels.Select(l => l + "_words"));
        }

        writer.Write(string.Join(',', columns));
        writer.Write('\n');
    }

    public void WriteRow(PostVerdict verdict, IReadOnlyList<string>[]? words, string? idJson, ClaimMatch? claim, IReadOnlyList<TermMatch>? terms)
    {
        if (ids)
        {
            if (idJson is not null)
            {
                writer.Write(CsvText.Escape(JsonText.Plain(idJson)));
            }

            writer.Write(',');
        }

        foreach (var label in verdict.Labels)
        {
            label.Score.TryFormat(_number, out var length, "0.######", CultureInfo.InvariantCulture);
            writer.Write(_number.AsSpan(0, length));
            writer.Write(label.Flagged ? ",1," : ",0,");
        }

        writer.Write(BulkTermLists.Flagged(verdict, claim, terms) ? '1' : '0');
        if (claims)
        {
            writer.Write(',');
            if (claim is not null)
            {
                writer.Write(CsvText.Escape(claim.Claim.Id));
                writer.Write(',');
                claim.Score.TryFormat(_number, out var length, "0.######", CultureInfo.InvariantCulture);
                writer.Write(_number.AsSpan(0, length));
            }
            else
            {
                writer.Write(',');
            }

            writer.Write(',');
            writer.Write(BulkClaims.DecisionName(claim?.Decision));
        }

        if (termLists)
        {
            writer.Write(',');
            if (terms is { Count: > 0 })
            {
                writer.Write(CsvText.Escape(BulkTermLists.Cell(terms, WordSeparator)));
            }
        }

        if (explain)
        {
            for (var i = 0; i < labels.Count; i++)
            {
                writer.Write(',');
                if (words is not null && words[i].Count > 0)
                {
                    writer.Write(CsvText.Escape(string.Join(WordSeparator, words[i])));
                }
            }
        }

        writer.Write('\n');
    }
}
