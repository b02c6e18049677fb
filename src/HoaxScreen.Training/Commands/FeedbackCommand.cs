using System.CommandLine;
using HoaxScreen.Core.Feedback;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Training.Commands;

/// <summary>
/// feedback export --db FEEDBACK.db --out FILE.csv|FILE.jsonl [--format csv|jsonl]: writes the moderators' decisions
/// of the service's feedback store in the canonical data format (id, text, one column per judged label with 1, 0 or
/// empty = not judged), so they feed train --data, evaluate --data and adapt --feedback.
/// </summary>
public sealed class FeedbackCommand : Command
{
    private readonly Option<string> _db = CliOptions.Text("--db", "FEEDBACK.db", "the service's feedback store (Feedback:Path)", required: true);

    private readonly Option<string> _out = CliOptions.Text("--out", "FILE.csv|FILE.jsonl", "the file to write (its folder must exist)", required: true);

    private readonly Option<string> _format = CliOptions.Choice("--format", "the output format (default: from the --out extension)", ["csv", "jsonl"]);

    public FeedbackCommand(TextWriter stderr)
        : base("feedback", "The moderators' decisions of the service's feedback store.")
    {
        var export = new Command("export", """
            Write the feedback store's decisions in the canonical format: id, text, one column per judged label with 1, 0
            or empty (not judged); decisions that judge only a known claim are left out. Feeds train --data,
            evaluate --data and adapt --feedback.
            """)
        {
            _db,
            _out,
            _format,
        };
        export.SetAction(args => Export(args, stderr));
        Add(export);
    }

    private int Export(ParseResult args, TextWriter stderr)
    {
        var db = Path.GetFullPath(args.GetRequiredValue(_db));
        var output = Path.GetFullPath(args.GetRequiredValue(_out));
        var format = args.GetValue(_format) is { } name
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
