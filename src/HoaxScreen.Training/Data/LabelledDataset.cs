using HoaxScreen.Core.Data;
using HoaxScreen.Core.Labels;
using HoaxScreen.Core.Text;

namespace HoaxScreen.Training.Data;

/// <summary>Posts from every source of a recipe, over the union of their labels.</summary>
public sealed class LabelledDataset
{
    private static readonly HashSet<string> NonLabelColumns = new(StringComparer.OrdinalIgnoreCase) { "text", "id", "source" };

    public LabelledDataset(IReadOnlyList<string> labels, IReadOnlyList<LabelledPost> posts, IReadOnlyList<SourceSummary> sources)
    {
        Labels = labels;
        Posts = posts;
        Sources = sources;
    }

    public IReadOnlyList<string> Labels { get; }

    public IReadOnlyList<LabelledPost> Posts { get; }

    public IReadOnlyList<SourceSummary> Sources { get; }

    public int LabelIndex(string label) => Labels.ToList().IndexOf(label);

    /// <summary>Reads every source of the recipe; throws <see cref="DataFormatException"/> with a one-line reason on bad input.</summary>
    public static LabelledDataset Load(TrainingRecipe recipe, Action<string>? progress = null)
    {
        var plans = new List<(SourceMapping Source, string Path, char Delimiter, string[] Header, Dictionary<string, int[]> LabelColumns, int TextColumn)>();
        var labels = new List<string>();
        void Register(string label)
        {
            if (!labels.Contains(label) && recipe.Carries(label))
            {
                labels.Add(label);
            }
        }

        foreach (var source in recipe.Sources)
        {
            var path = recipe.Resolve(source);
            using var reader = CsvRecordReader.Open(path, source.Delimiter);
            var header = reader.ReadRecord() ?? throw new DataFormatException($"{path}:1: file is empty (expected a header row)");
            var at = $"{path}:{reader.RecordLine}";
            header = [.. header.Select(h => h.Trim())];
            CheckHeader(header, at, source);
            var textColumn = Array.FindIndex(header, h => string.Equals(h, source.Text, StringComparison.OrdinalIgnoreCase));
            if (textColumn < 0)
            {
                throw new DataFormatException(
                    $"{at}: no text column '{source.Text}' (columns: {string.Join(", ", header)}){CsvDelimiters.HeaderHint(header, reader.Delimiter)}");
            }

            var mapping = source.Labels ?? header.Where(h => h.Length > 0 && !NonLabelColumns.Contains(h)).ToDictionary(h => h, h => h);
            if (mapping.Count == 0)
            {
                throw new DataFormatException($"{at}: no label columns (add columns such as {string.Join(", ", CanonicalLabels.All)} or a label mapping)");
            }

            var labelColumns = new Dictionary<string, int[]>();
            foreach (var (label, spec) in mapping)
            {
                if (!CanonicalLabels.IsValidName(label))
                {
                    throw new DataFormatException($"{at}: label name '{label}' must be lower case letters, digits and '_'");
                }

                var columns = spec.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length == 0)
                {
                    throw new DataFormatException($"{path}: label '{label}' maps to no column");
                }

                labelColumns[label] = [.. columns.Select(column =>
                {
                    var index = Array.FindIndex(header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
                    return index >= 0
                        ? index
                        : throw new DataFormatException($"{at}: column '{column}' (mapped to label '{label}') not found (columns: {string.Join(", ", header)})");
                })];
                Register(label);
            }

            foreach (var (label, value) in source.Defaults ?? new Dictionary<string, int>())
            {
                if (!CanonicalLabels.IsValidName(label))
                {
                    throw new DataFormatException($"{at}: default for label '{label}': label names are lower case letters, digits and '_'");
                }

                if (value is not (0 or 1))
                {
                    throw new DataFormatException($"{at}: default for label '{label}' must be 0 or 1, not {value}");
                }

                Register(label);
            }

            plans.Add((source, path, reader.Delimiter, header, labelColumns, textColumn));
        }

        foreach (var label in recipe.Labels ?? [])
        {
            if (!labels.Contains(label))
            {
                throw new DataFormatException($"{recipe.RecipePath}: label '{label}' is listed in \"labels\" but no source maps it");
            }
        }

        var posts = new List<LabelledPost>();
        var summaries = new List<SourceSummary>();
        foreach (var plan in plans)
        {
            progress?.Invoke($"reading {plan.Path}");
            var rows = 0;
            var skipped = 0;
            using var reader = CsvRecordReader.Open(plan.Path, plan.Delimiter);
            reader.ReadRecord();
            while (reader.ReadRecord() is { } record)
            {
                if (plan.Source.MaxRows is { } max && rows >= max)
                {
                    break;
                }

                if (record.Length != plan.Header.Length)
                {
                    throw new DataFormatException(
                        $"{plan.Path}:{reader.RecordLine}: expected {plan.Header.Length} fields, found {record.Length} ({CsvDelimiters.FieldCountHint(plan.Delimiter)})");
                }

                var text = record[plan.TextColumn];
                if (BlankText.IsBlank(text))
                {
                    skipped++;
                    continue;
                }

                var values = new bool?[labels.Count];
                var otherHarm = false;
                foreach (var (label, columns) in plan.LabelColumns)
                {
                    var value = ReadLabel(record, columns, plan.Header, plan.Path, reader.RecordLine);
                    var index = labels.IndexOf(label);
                    if (index >= 0)
                    {
                        values[index] = value;
                    }
                    else
                    {
                        otherHarm |= value is true;
                    }
                }

                foreach (var (label, value) in plan.Source.Defaults ?? new Dictionary<string, int>())
                {
                    if (labels.IndexOf(label) is var index and >= 0)
                    {
                        values[index] ??= value == 1;
                    }
                }

                posts.Add(new LabelledPost(text, values, plan.Path, reader.RecordLine) { OtherHarm = otherHarm });
                rows++;
            }

            summaries.Add(new SourceSummary(
                plan.Path,
                Path.GetFileName(plan.Path),
                FileHash.Sha256Of(plan.Path),
                rows,
                skipped,
                plan.Header[plan.TextColumn],
                plan.LabelColumns.ToDictionary(kv => kv.Key, kv => string.Join('|', kv.Value.Select(i => plan.Header[i]))),
                plan.Source.Defaults is { Count: > 0 } defaults ? defaults : null));
        }

        return new LabelledDataset(labels, posts, summaries);
    }

    /// <summary>
    /// A header with NUL characters is a UTF-16 (or binary) file read as UTF-8; a repeated column the source reads (the
    /// text, or any label column) is ambiguous.
    /// </summary>
    private static void CheckHeader(string[] header, string at, SourceMapping source)
    {
        if (header.Any(h => h.Contains('\0', StringComparison.Ordinal)))
        {
            throw new DataFormatException($"{at}: the header contains NUL characters; the file looks like UTF-16 or binary (save it as UTF-8)");
        }

        var read = source.Labels?.Values
            .SelectMany(spec => spec.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Append(source.Text)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var repeated = header.Where(h => h.Length > 0 && (read is null || read.Contains(h)))
            .GroupBy(h => h, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(group => group.Count() > 1);
        if (repeated is not null)
        {
            throw new DataFormatException($"{at}: column '{repeated.Key}' appears {repeated.Count()} times in the header");
        }
    }

    // "A|B": positive when any column is 1, negative when all known ones are 0, unknown when all are empty.
    private static bool? ReadLabel(string[] record, int[] columns, string[] header, string path, int line)
    {
        bool? value = null;
        foreach (var column in columns)
        {
            var raw = record[column].Trim();
            bool? cell = raw switch
            {
                "" => null,
                "1" or "1.0" => true,
                "0" or "0.0" => false,
                _ when bool.TryParse(raw, out var b) => b,
                _ => throw new DataFormatException($"{path}:{line}: column '{header[column]}' must be 1, 0 or empty, not '{Truncate(raw)}'"),
            };
            if (cell is true)
            {
                return true;
            }

            value ??= cell;
        }

        return value;
    }

    private static string Truncate(string value) => value.Length <= 20 ? value : value[..20] + "…";
}
