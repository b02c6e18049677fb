using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Training.Cli;
using Microsoft.ML;

namespace HoaxScreen.Training.Commands;

/// <summary>
/// score --model BUNDLE_DIR --in POSTS.csv --out SCORES.csv: one output row per input row, same order,
/// LABEL and LABEL_flagged per label, then flagged. Written to a temporary file and moved into place.
/// With <c>--explain N</c>, then one LABEL_words column per label: the top N words of the post behind that label when it
/// is flagged (each distinct word once, strongest first, joined by " | "), empty otherwise.
/// </summary>
public static class ScoreCommand
{
    public static readonly string[] Options = ["model", "in", "out", "text-column", "batch-size", "explain"];

    /// <summary>Most words per label <c>--explain</c> accepts.</summary>
    public const int MaxExplainWords = 20;

    /// <summary>Separator between the words of one LABEL_words cell.</summary>
    public const string WordSeparator = " | ";

    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var input = Path.GetFullPath(args.Required("in"));
        var output = Path.GetFullPath(args.Required("out"));
        var textColumnName = args.Optional("text-column") ?? "text";
        var batchSize = args.Int("batch-size", 2048, 1, 1_000_000);
        var explainWords = args.Int("explain", 0, 1, MaxExplainWords);
        if (string.Equals(input, output, StringComparison.Ordinal))
        {
            throw new CliException("--out must not be the same file as --in");
        }

        using var reader = CsvRecordReader.Open(input);
        var header = reader.ReadRecord() ?? throw new DataFormatException($"{input}:1: file is empty (expected a header row)");
        var textColumn = Array.FindIndex(header, h => string.Equals(h.Trim(), textColumnName, StringComparison.OrdinalIgnoreCase));
        if (textColumn < 0)
        {
            throw new DataFormatException($"{input}:{reader.RecordLine}: no text column '{textColumnName}' (columns: {string.Join(", ", header)})");
        }

        var model = ScoringModel.Load(args.Required("model"));
        var temporary = output + $".tmp-{Environment.ProcessId}";
        var clock = Stopwatch.StartNew();
        var rows = 0L;
        var flagged = 0L;
        using var explainer = explainWords > 0 ? new FlaggedRowExplainer(model, explainWords) : null;
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
            {
                writer.NewLine = "\n";
                var columns = model.Labels.SelectMany(l => new[] { l, l + "_flagged" }).Append("flagged");
                if (explainer is not null)
                {
                    columns = columns.Concat(model.Labels.Select(l => l + "_words"));
                }

                writer.WriteLine(string.Join(',', columns));
                var batch = new List<string>(batchSize);
                var line = new StringBuilder();
                var lastReport = TimeSpan.Zero;
                while (true)
                {
                    var record = reader.ReadRecord();
                    if (record is not null)
                    {
                        if (record.Length != header.Length)
                        {
                            throw new DataFormatException($"{input}:{reader.RecordLine}: expected {header.Length} fields, found {record.Length}");
                        }

                        batch.Add(record[textColumn]);
                    }

                    if (batch.Count == batchSize || (record is null && batch.Count > 0))
                    {
                        var verdicts = model.ScoreBatch(batch);
                        var words = explainer?.ExplainFlagged(batch, verdicts);
                        for (var i = 0; i < verdicts.Count; i++)
                        {
                            var verdict = verdicts[i];
                            line.Clear();
                            foreach (var label in verdict.Labels)
                            {
                                line.Append(label.Score.ToString("0.######", CultureInfo.InvariantCulture)).Append(',')
                                    .Append(label.Flagged ? '1' : '0').Append(',');
                            }

                            line.Append(verdict.Flagged ? '1' : '0');
                            if (words is not null)
                            {
                                foreach (var cell in words[i] ?? explainer!.NoWords)
                                {
                                    line.Append(',').Append(cell);
                                }
                            }

                            flagged += verdict.Flagged ? 1 : 0;
                            writer.WriteLine(line);
                        }

                        rows += batch.Count;
                        batch.Clear();
                        if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(2))
                        {
                            lastReport = clock.Elapsed;
                            stderr.WriteLine($"[score] {rows:N0} posts, {rows / clock.Elapsed.TotalSeconds:N0} posts/s");
                        }
                    }

                    if (record is null)
                    {
                        break;
                    }
                }
            }

            File.Move(temporary, output, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-6);
        var explained = explainer is null ? string.Empty : $" (top {explainWords} words of each flagged label written)";
        stderr.WriteLine($"[score] done: {rows:N0} posts in {seconds:F1} s ({rows / seconds:N0} posts/s), {flagged:N0} flagged{explained}, model {model.Version}");
        stdout.WriteLine(output);
        return 0;
    }

    /// <summary>
    /// Explains the flagged rows of a scored batch in parallel, one prediction engine per worker (engines are not
    /// thread-safe; idle ones wait in a bag for the next batch, so at most one per core is ever built).
    /// </summary>
    private sealed class FlaggedRowExplainer(ScoringModel model, int topWords) : IDisposable
    {
        private readonly ConcurrentBag<PredictionEngine<PostInput, PostProbabilities>> _engines = [];
        private readonly Dictionary<string, int> _labelIndex = model.Labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);

        /// <summary>The LABEL_words cells of a row with nothing flagged.</summary>
        public string[] NoWords { get; } = [.. model.Labels.Select(_ => string.Empty)];

        /// <summary>Per row, the CSV-escaped LABEL_words cells in label order; null for rows with nothing flagged.</summary>
        public string[]?[] ExplainFlagged(IReadOnlyList<string> texts, IReadOnlyList<PostVerdict> verdicts)
        {
            var cells = new string[]?[texts.Count];
            var flaggedRows = Enumerable.Range(0, texts.Count).Where(i => verdicts[i].Flagged).ToArray();
            try
            {
                Parallel.ForEach(
                    flaggedRows,
                    new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                    () => _engines.TryTake(out var engine) ? engine : model.CreateEngine(),
                    (row, _, engine) =>
                    {
                        cells[row] = Explain(engine, texts[row], verdicts[row]);
                        return engine;
                    },
                    engine => _engines.Add(engine));
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
            {
                // Surface the one real failure, so the CLI reports it as it would without parallelism.
                ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
            }

            return cells;
        }

        public void Dispose()
        {
            while (_engines.TryTake(out var engine))
            {
                engine.Dispose();
            }
        }

        // The labels flagged by the batch score are the ones explained, so the words always match the _flagged columns.
        // Every word's weight is computed anyway, so asking for all of them costs nothing and leaves room to skip repeats.
        private string[] Explain(PredictionEngine<PostInput, PostProbabilities> engine, string text, PostVerdict verdict)
        {
            var flagged = verdict.Labels.Where(l => l.Flagged).Select(l => l.Label).ToHashSet(StringComparer.Ordinal);
            var (_, explanations) = model.Explain(engine, text, label => flagged.Contains(label.Label), PostExplainer.MaxWords);
            var row = (string[])NoWords.Clone();
            foreach (var explanation in explanations)
            {
                var words = explanation.Words
                    .Select(w => w.Text)
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .Take(topWords);
                row[_labelIndex[explanation.Label]] = CsvText.Escape(string.Join(WordSeparator, words));
            }

            return row;
        }
    }
}
