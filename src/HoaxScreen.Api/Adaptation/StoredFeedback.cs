using System.Security.Cryptography;
using System.Text;
using HoaxScreen.Core.Adaptation;
using HoaxScreen.Core.Feedback;

namespace HoaxScreen.Api.Adaptation;

/// <summary>Every stored decision that judged a label of the base, in the base's label order, as adaptation reads them.</summary>
public static class StoredFeedback
{
    public static AdaptationFeedback Read(FeedbackStore store, IReadOnlyList<string> labels)
    {
        var texts = new List<string>();
        var judgements = new List<bool?[]>();
        foreach (var decision in store.All())
        {
            var row = labels.Select(label => decision.Labels.TryGetValue(label, out var truth) ? truth : (bool?)null).ToArray();
            if (row.Any(truth => truth is not null))
            {
                texts.Add(decision.Text);
                judgements.Add(row);
            }
        }

        return new AdaptationFeedback(Path.GetFileName(store.Path), ExportSha256(store), texts, judgements);
    }

    // The hash `adapt --feedback F.db` records too: that of the decisions as `feedback export` writes them (CSV), so the
    // same decisions give the same hash whichever way they were adapted.
    private static string ExportSha256(FeedbackStore store)
    {
        using var writer = new StringWriter();
        FeedbackExport.Write(store, writer, FeedbackExportFormat.Csv);
        return Convert.ToHexStringLower(SHA256.HashData(new UTF8Encoding(false).GetBytes(writer.ToString())));
    }
}
