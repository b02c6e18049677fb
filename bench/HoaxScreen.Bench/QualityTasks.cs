using HoaxScreen.Core.Data;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Bench;

/// <summary>
/// One task of the quality benchmark: the rows of one source (found by its folder in ../shared/data) where one
/// HoaxScreen label is known, as the recipe maps it (so <c>sara</c> of Ibrohim is <c>HS_Religion|HS_Race</c>).
/// </summary>
/// <param name="MacroPrimary">Judge the task by macro F1 rather than the positive class's F1 (hoax-posts: 82% positive).</param>
public sealed record QualityTask(string Name, string Dataset, string Label, bool MacroPrimary = false)
{
    public const string Ibrohim = "ibrohim2019-hs-abusive";
    public const string Netifier = "netifier2018-toxic";
    public const string FalseNewsPosts = "indonesia-false-news-posts";
    public const string HoaxNews = "pratiwi2017-hoax-news";

    public static IReadOnlyList<QualityTask> All { get; } =
    [
        new("hate_speech", Ibrohim, "hate_speech"),
        new("abusive", Ibrohim, "abusive"),
        new("sara-ibrohim", Ibrohim, "sara"),
        new("sara-netifier", Netifier, "sara"),
        new("pornography", Netifier, "pornography"),
        new("radicalism", Netifier, "radicalism"),
        new("defamation", Netifier, "defamation"),
        new("hoax-posts", FalseNewsPosts, "hoax", MacroPrimary: true),
        new("hoax-news", HoaxNews, "hoax_news"),
    ];

    /// <summary>The targets for HoaxScreen.</summary>
    public static IReadOnlyList<QualityTarget> Targets { get; } =
    [
        new("hate_speech", MacroF1: false, 0.88),
        new("abusive", MacroF1: false, 0.92),
        new("sara-ibrohim", MacroF1: false, 0.75),
        new("sara-netifier", MacroF1: false, 0.75),
        new("hoax-posts", MacroF1: true, 0.75),
    ];

    public string PrimaryMetric => MacroPrimary ? "macro F1" : "F1";
}

/// <summary>A minimum for HoaxScreen on one task: F1 of the positive class, or macro F1.</summary>
public sealed record QualityTarget(string Task, bool MacroF1, double Minimum)
{
    public string Metric => MacroF1 ? "macro F1" : "F1";
}

/// <summary>One row of a task: the post (index into the dataset), its truth, its split part and, for Netifier, its platform.</summary>
public sealed record TaskRow(int Post, string Text, bool Truth, SplitPart Part, string? Platform);

/// <summary>A task with its rows, or the reason it cannot run with this recipe.</summary>
public sealed record TaskData(QualityTask Task, string? SourcePath, int LabelIndex, IReadOnlyList<TaskRow> Rows, string? Missing)
{
    public IEnumerable<TaskRow> Part(SplitPart part) => Rows.Where(r => r.Part == part);

    public IReadOnlyList<TaskRow> Evaluation { get; } = [.. Rows.Where(r => r.Part == SplitPart.Evaluation)];

    public bool Runnable => Missing is null;
}

public static class QualityData
{
    public const string PlatformColumn = "source";

    /// <summary>The recipe source read from a dataset folder (matched by the file's parent folder name).</summary>
    public static SourceMapping? SourceFor(TrainingRecipe recipe, string dataset) =>
        recipe.Sources.FirstOrDefault(s => string.Equals(
            Path.GetFileName(Path.GetDirectoryName(recipe.Resolve(s))), dataset, StringComparison.OrdinalIgnoreCase));

    /// <summary>Splits every task's rows with <see cref="DataSplit"/>; platforms come from the Netifier file's source column.</summary>
    public static IReadOnlyList<TaskData> Build(TrainingRecipe recipe, LabelledDataset dataset)
    {
        var platformsByFile = new Dictionary<string, IReadOnlyDictionary<int, string>>(StringComparer.Ordinal);
        var tasks = new List<TaskData>();
        foreach (var task in QualityTask.All)
        {
            var source = SourceFor(recipe, task.Dataset);
            if (source is null)
            {
                tasks.Add(new TaskData(task, null, -1, [], $"the recipe has no source in {task.Dataset}/"));
                continue;
            }

            var path = recipe.Resolve(source);
            var summary = dataset.Sources.First(s => s.Path == path);
            var label = dataset.LabelIndex(task.Label);
            if (label < 0 || !summary.Labels.ContainsKey(task.Label))
            {
                tasks.Add(new TaskData(task, path, -1, [], $"the recipe maps no '{task.Label}' label for {task.Dataset}/"));
                continue;
            }

            IReadOnlyDictionary<int, string>? platforms = null;
            if (task.Dataset == QualityTask.Netifier && !platformsByFile.TryGetValue(path, out platforms))
            {
                platforms = ReadPlatforms(path);
                platformsByFile[path] = platforms;
            }

            var rows = new List<TaskRow>();
            for (var i = 0; i < dataset.Posts.Count; i++)
            {
                var post = dataset.Posts[i];
                if (post.SourcePath == path && post.Labels[label] is { } truth)
                {
                    rows.Add(new TaskRow(i, post.Text, truth, DataSplit.PartOf(post.Text), platforms?.GetValueOrDefault(post.Line)));
                }
            }

            tasks.Add(new TaskData(task, path, label, rows, null));
        }

        return tasks;
    }

    /// <summary>Record line → platform (instagram, twitter, kaskus), from the <c>source</c> column; empty when the file has none.</summary>
    public static IReadOnlyDictionary<int, string> ReadPlatforms(string path)
    {
        using var reader = CsvRecordReader.Open(path);
        var header = reader.ReadRecord() ?? [];
        var column = Array.FindIndex(header, h => string.Equals(h.Trim(), PlatformColumn, StringComparison.OrdinalIgnoreCase));
        var platforms = new Dictionary<int, string>();
        if (column < 0)
        {
            return platforms;
        }

        while (reader.ReadRecord() is { } record)
        {
            if (column < record.Length && record[column].Trim() is { Length: > 0 } platform)
            {
                platforms[reader.RecordLine] = platform.ToLowerInvariant();
            }
        }

        return platforms;
    }

    /// <summary>
    /// Writes a copy of a CSV file without the records of one platform (header kept, fields re-quoted as RFC 4180),
    /// and returns how many records it kept.
    /// </summary>
    public static int WriteWithoutPlatform(string path, string platform, string target)
    {
        using var reader = CsvRecordReader.Open(path);
        var header = reader.ReadRecord() ?? throw new DataFormatException($"{path}: file is empty (expected a header row)");
        var column = Array.FindIndex(header, h => string.Equals(h.Trim(), PlatformColumn, StringComparison.OrdinalIgnoreCase));
        if (column < 0)
        {
            throw new DataFormatException($"{path}: no '{PlatformColumn}' column to split platforms by");
        }

        var kept = 0;
        using var writer = new StreamWriter(target, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', header.Select(CsvText.Escape)));
        while (reader.ReadRecord() is { } record)
        {
            if (column < record.Length && string.Equals(record[column].Trim(), platform, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            writer.WriteLine(string.Join(',', record.Select(CsvText.Escape)));
            kept++;
        }

        return kept;
    }
}
