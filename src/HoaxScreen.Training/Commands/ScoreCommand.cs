using System.Diagnostics;
using System.Globalization;
using System.Text;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Training.Commands;

/// <summary>
/// score --model BUNDLE_DIR --in POSTS.csv --out SCORES.csv: one output row per input row, same order,
/// LABEL and LABEL_flagged per label, then flagged. Written to a temporary file and moved into place.
/// </summary>
public static class ScoreCommand
{
    public static readonly string[] Options = ["model", "in", "out", "text-column", "batch-size"];

    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var input = Path.GetFullPath(args.Required("in"));
        var output = Path.GetFullPath(args.Required("out"));
        var textColumnName = args.Optional("text-column") ?? "text";
        var batchSize = args.Int("batch-size", 2048, 1, 1_000_000);
        if (string.Equals(input, output, StringComparison.Ordinal))
        {
            throw new CliException("--out must not be the same file as --in");
        }

        using var reader = CsvRecordReader.Open(input);
        var header = reader.ReadRecord() ?? throw new DataFormatException($"{input}: file is empty (expected a header row)");
        var textColumn = Array.FindIndex(header, h => string.Equals(h.Trim(), textColumnName, StringComparison.OrdinalIgnoreCase));
        if (textColumn < 0)
        {
            throw new DataFormatException($"{input}: no text column '{textColumnName}' (columns: {string.Join(", ", header)})");
        }

        var model = ScoringModel.Load(args.Required("model"));
        var temporary = output + $".tmp-{Environment.ProcessId}";
        var clock = Stopwatch.StartNew();
        var rows = 0L;
        var flagged = 0L;
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
            {
                writer.NewLine = "\n";
                writer.WriteLine(string.Join(',', model.Labels.SelectMany(l => new[] { l, l + "_flagged" }).Append("flagged")));
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
                        foreach (var verdict in model.ScoreBatch(batch))
                        {
                            line.Clear();
                            foreach (var label in verdict.Labels)
                            {
                                line.Append(label.Score.ToString("0.######", CultureInfo.InvariantCulture)).Append(',')
                                    .Append(label.Flagged ? '1' : '0').Append(',');
                            }

                            line.Append(verdict.Flagged ? '1' : '0');
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
        stderr.WriteLine($"[score] done: {rows:N0} posts in {seconds:F1} s ({rows / seconds:N0} posts/s), {flagged:N0} flagged, model {model.Version}");
        stdout.WriteLine(output);
        return 0;
    }
}
