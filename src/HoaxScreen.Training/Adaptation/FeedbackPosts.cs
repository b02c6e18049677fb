using System.Text;
using System.Text.Json;
using HoaxScreen.Core.Adaptation;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Feedback;
using HoaxScreen.Core.Text;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Training.Adaptation;

/// <summary>
/// Moderators' decisions in the canonical format: a text and, per label of the bundle, true, false or null (not judged).
/// Read from the service's feedback store (a .db file, as <c>feedback export</c> writes it), CSV (a text column and label columns, 1/0/empty) or JSON Lines (a "text" field and label fields, or a
/// "labels" object as <c>POST /v1/feedback</c> takes, true/false/1/0/null). Columns that are not the bundle's labels are ignored.
/// </summary>
public sealed record FeedbackPosts(string Path, string Sha256, IReadOnlyList<string> Texts, IReadOnlyList<bool?[]> Labels, IReadOnlyList<string> Ignored)
{
    /// <summary>The decisions as the adaptation engine (in Core) reads them, named by the file's name.</summary>
    public static implicit operator AdaptationFeedback(FeedbackPosts posts) => posts.ToAdaptationFeedback();

    public AdaptationFeedback ToAdaptationFeedback() => new(System.IO.Path.GetFileName(Path), Sha256, Texts, Labels);

    public static FeedbackPosts Load(string path, IReadOnlyList<string> bundleLabels, char? delimiter = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        var extension = System.IO.Path.GetExtension(full).ToLowerInvariant();
        if (!File.Exists(full))
        {
            throw new DataFormatException($"{path}: feedback file not found");
        }

        if (extension is ".db" or ".sqlite" or ".sqlite3")
        {
            return FromStore(full, bundleLabels);
        }

        var posts = extension is ".jsonl" or ".ndjson" ? ReadJsonLines(full, bundleLabels) : ReadCsv(full, bundleLabels, delimiter);
        if (posts.Texts.Count == 0)
        {
            throw new DataFormatException($"{path}: no feedback posts in the file");
        }

        return posts;
    }

    // The service's store (Feedback:Path): its decisions as `feedback export` writes them, read like that CSV. The
    // recorded hash is the export's, so the same decisions give the same hash however the SQLite file's pages moved.
    private static FeedbackPosts FromStore(string path, IReadOnlyList<string> bundleLabels)
    {
        var exported = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hoaxscreen-feedback-{Guid.NewGuid():N}.csv");
        try
        {
            using (var writer = new StreamWriter(exported, append: false, new UTF8Encoding(false)))
            {
                FeedbackExport.Write(FeedbackStore.Open(path), writer, FeedbackExportFormat.Csv);
            }

            var posts = ReadCsv(exported, bundleLabels, delimiter: ',');
            return posts with { Path = path };
        }
        finally
        {
            File.Delete(exported);
        }
    }

    private static FeedbackPosts ReadCsv(string path, IReadOnlyList<string> bundleLabels, char? delimiter)
    {
        string[] header;
        using (var reader = CsvRecordReader.Open(path, delimiter))
        {
            header = reader.ReadRecord()?.Select(h => h.Trim()).ToArray() ?? throw new DataFormatException($"{path}:1: file is empty (expected a header row)");
        }

        var known = header.Where(h => bundleLabels.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        var ignored = header.Where(h => h.Length > 0 && !known.Contains(h) && h.ToLowerInvariant() is not ("text" or "id" or "source")).ToList();
        if (known.Count == 0)
        {
            throw new DataFormatException($"{path}: no column names a label of the model (its labels: {string.Join(", ", bundleLabels)})");
        }

        var mapping = known.ToDictionary(h => h.ToLowerInvariant(), h => h);
        var dataset = LabelledDataset.Load(new TrainingRecipe
        {
            Sources = [new SourceMapping { Path = path, Labels = mapping, Delimiter = delimiter }],
        });
        var labels = dataset.Posts.Select(p => bundleLabels.Select(label => dataset.LabelIndex(label) is var i and >= 0 ? p.Labels[i] : null).ToArray()).ToList();
        return new FeedbackPosts(path, FileHash.Sha256Of(path), [.. dataset.Posts.Select(p => p.Text)], labels, ignored);
    }

    private static FeedbackPosts ReadJsonLines(string path, IReadOnlyList<string> bundleLabels)
    {
        var texts = new List<string>();
        var labels = new List<bool?[]>();
        var ignored = new SortedSet<string>(StringComparer.Ordinal);
        var line = 0;
        foreach (var raw in File.ReadLines(path, new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(raw);
                root = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new DataFormatException($"{path}:{line}: not JSON ({ex.Message.Split('\n')[0]})");
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DataFormatException($"{path}:{line}: expected a JSON object");
            }

            if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                throw new DataFormatException($"{path}:{line}: no string field \"text\"");
            }

            if (BlankText.IsBlank(text.GetString()!))
            {
                continue;
            }

            var isNested = root.TryGetProperty("labels", out var nested) && nested.ValueKind == JsonValueKind.Object;
            var source = isNested ? nested : root;
            var values = new bool?[bundleLabels.Count];
            foreach (var property in source.EnumerateObject())
            {
                var index = IndexOf(bundleLabels, property.Name);
                if (index < 0)
                {
                    if (isNested || property.Name is not ("text" or "id" or "source" or "labels"))
                    {
                        ignored.Add(property.Name);
                    }

                    continue;
                }

                values[index] = property.Value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Null => null,
                    JsonValueKind.Number when property.Value.TryGetInt32(out var n) && n is 0 or 1 => n == 1,
                    _ => throw new DataFormatException($"{path}:{line}: label \"{property.Name}\" must be true, false, 1, 0 or null"),
                };
            }

            texts.Add(text.GetString()!);
            labels.Add(values);
        }

        return new FeedbackPosts(path, FileHash.Sha256Of(path), texts, labels, [.. ignored]);
    }

    private static int IndexOf(IReadOnlyList<string> labels, string name)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
