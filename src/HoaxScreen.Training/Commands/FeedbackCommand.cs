using HoaxScreen.Core.Feedback;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Training.Commands;

/// <summary>
/// feedback export --db FEEDBACK.db --out FILE.csv|FILE.jsonl [--format csv|jsonl]: writes the moderators' decisions
/// of the service's feedback store in the canonical data format (id, text, one column per judged label with 1, 0 or
/// empty = not judged), so they feed train --data, evaluate --data and adapt --feedback.
/// </summary>
public static class FeedbackCommand
{
    public static readonly string[] ExportOptions = ["db", "out", "format"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            throw new CliException("feedback needs a subcommand: export");
        }

        return args[0] switch
        {
            "export" => Export(CliArguments.Parse(args[1..], ExportOptions), stderr),
            _ => throw new CliException($"unknown feedback subcommand '{args[0]}' (expected export)"),
        };
    }

    private static int Export(CliArguments args, TextWriter stderr)
    {
        var db = Path.GetFullPath(args.Required("db"));
        var output = Path.GetFullPath(args.Required("out"));
        var format = args.Optional("format") is { } name
            ? FeedbackExport.Parse(name) ?? throw new CliException($"--format must be csv or jsonl, not '{name}'")
            : FeedbackExport.FromExtension(output) ?? throw new CliException("--out must end in .csv or .jsonl, or say which with --format csv|jsonl");

        // Opening creates a missing store; an export of a mistyped path should say so instead.
        if (!File.Exists(db))
        {
            throw new FeedbackStoreException($"{db}: feedback store not found");
        }

        if (Path.GetDirectoryName(output) is { } folder && !Directory.Exists(folder))
        {
            throw new IOException($"{folder}: folder not found (the folder --out goes in must exist)");
        }

        var store = FeedbackStore.Open(db);

        // Written beside the target and moved over it, so a failed export leaves no half-written file.
        var partial = output + ".partial";
        FeedbackExportResult result;
        try
        {
            using (var writer = new StreamWriter(partial, append: false, new System.Text.UTF8Encoding(false)))
            {
                result = FeedbackExport.Write(store, writer, format);
            }

            File.Move(partial, output, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        var skipped = result.Skipped > 0 ? $"; {result.Skipped} judging only a known claim left out" : "";
        var labels = result.Labels.Count > 0 ? string.Join(", ", result.Labels) : "none";
        stderr.WriteLine($"exported {result.Rows} decisions to {output} (labels: {labels}){skipped}");
        return 0;
    }
}
