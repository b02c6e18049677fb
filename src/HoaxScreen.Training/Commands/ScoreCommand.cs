using System.CommandLine;
using System.Diagnostics;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Training.BulkScoring;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Training.Commands;

/// <summary>
/// score --model BUNDLE_DIR --in POSTS.csv|POSTS.jsonl --out SCORES.csv|SCORES.jsonl: one output row per input row,
/// same order. CSV output: the input's id first when it has ids, then LABEL and LABEL_flagged per label, then flagged
/// (the design's contract); JSON Lines output (--out ending in .jsonl/.ndjson): one object per row with the input's id,
/// the same scores and true/false flags.
/// With <c>--explain N</c>, the top N words behind each flagged label as well.
/// With <c>--claims DB</c>, the best-matching known claim of each post (<c>claim_id</c>, <c>claim_score</c>,
/// <c>claim_decision</c>), from the trained matcher in <c>--matcher DIR</c> (default: <c>claims</c> beside the model
/// bundle, else <c>models/claims</c>; see <see cref="BulkClaims.ResolveMatcher"/>); a <c>match</c> with a false or
/// misleading debunk sets <c>flagged</c>, as <c>/v1/screen</c> does.
/// With <c>--termlists FILE</c> (a term-list store the service wrote, told by content, or a JSON array of
/// <c>{ "name", "flag", "terms" }</c> lists; see <see cref="TermListsFile"/>), each post's listed terms, matched as the
/// service matches them: a <c>term_matches</c> column after any claim columns (each distinct <c>list:term</c>, joined by
/// <see cref="WordSeparator"/>), or <c>termMatches</c> with offsets in JSON Lines; a match of a <c>flag: true</c> list
/// sets <c>flagged</c>.
/// <para>
/// Rows are written to OUT.partial with a checkpoint OUT.partial.json beside it, and moved to OUT when all are written.
/// Ctrl+C or SIGTERM stops at a row boundary with exit code 130; <c>--resume</c> checks the checkpoint's model and
/// options, reads back the rows already written and checks their hash against the checkpoint's (an edited input is
/// refused), cuts OUT.partial back to the checkpointed length and goes on, so the final output is byte for byte the one
/// an uninterrupted run writes.
/// </para>
/// <para>
/// <c>--max-rows N</c> scores at most N rows in this run, then stops exactly as an interruption does (checkpoint,
/// partial output, exit code 130), so a large file can be scored in chunks over several sessions with <c>--resume</c>.
/// </para>
/// </summary>
public sealed class ScoreCommand : Command
{

    /// <summary>Exit code of a run stopped by Ctrl+C / SIGTERM (128 + SIGINT, as shells report it) or at --max-rows.</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>Most words per label <c>--explain</c> accepts.</summary>
    public const int MaxExplainWords = 20;

    /// <summary>Separator between the words of one LABEL_words cell.</summary>
    public const string WordSeparator = CsvScoreWriter.WordSeparator;

    private readonly Option<string> _model = CliOptions.Text("--model", "BUNDLE_DIR", "the model bundle folder", required: true);

    private readonly Option<string> _in = CliOptions.Text(
        "--in", "POSTS.csv|POSTS.jsonl", "the posts: CSV with a text column (an id column is copied first), or JSON Lines", required: true);

    private readonly Option<string> _out = CliOptions.Text(
        "--out", "SCORES.csv|SCORES.jsonl", "the scores, one row per input row in the same order; JSON Lines when it ends in .jsonl/.ndjson (its folder must exist)", required: true);

    private readonly Option<string> _format = CliOptions.Choice("--format", "the input's format (default: from the --in extension)", ["csv", "jsonl"]);

    private readonly Option<char?> _delimiter = CliOptions.Delimiter();

    private readonly Option<string> _textColumn = CliOptions.Text("--text-column", "NAME", "the column (or JSON field) holding the post (default: text)");

    private readonly Option<int?> _batchSize = CliOptions.OptionalWholeNumber(
        "--batch-size", "N", "posts scored per batch, 1..1000000 (default: 1024, 128 with --explain)", min: 1, max: 1_000_000);

    private readonly Option<int?> _explain = CliOptions.OptionalWholeNumber(
        "--explain", "N", $"also write the top N words (1..{MaxExplainWords}) behind each flagged label (default: off)", min: 1, max: MaxExplainWords);

    private readonly Option<bool> _progress = CliOptions.Switch("--progress", "show progress on stderr even when it is not a terminal");

    private readonly Option<bool> _resume = CliOptions.Switch(
        "--resume", "continue an interrupted run of the same command from its checkpoint (OUT.partial.json) instead of starting over");

    private readonly Option<int?> _maxRows = CliOptions.OptionalWholeNumber(
        "--max-rows", "N", "score at most N rows in this run, then stop as Ctrl+C does (exit code 130): with --resume on every run, a large file is scored in chunks over several sessions", min: 1, max: int.MaxValue);

    private readonly Option<string> _claims = CliOptions.Text(
        "--claims", "CLAIMS.db", "add claim_id, claim_score (best candidate; empty when none) and claim_decision (match, suggest, none) from this known-claims store");

    private readonly Option<string> _matcher = CliOptions.Text(
        "--matcher", "MATCHER_DIR", "the trained claim matcher, with --claims (default: claims/ beside the model folder, else models/claims)");

    private readonly Option<string> _termLists = CliOptions.Text(
        "--termlists", "LISTS.db|LISTS.json", "add term_matches (list:term | ...): the service's term-list store, or a JSON array of { \"name\", \"flag\", \"terms\" } lists; a match of a flag: true list sets flagged");

    public ScoreCommand(TextWriter stdout, TextWriter stderr, CliHost host)
        : base("score", "Score posts in bulk: per label its probability and flag at the bundle's threshold, then an overall flagged.")
    {
        Add(_model);
        Add(_in);
        Add(_out);
        Add(_format);
        Add(_delimiter);
        Add(_textColumn);
        Add(_batchSize);
        Add(_explain);
        Add(_progress);
        Add(_resume);
        Add(_maxRows);
        Add(_claims);
        Add(_matcher);
        Add(_termLists);
        SetAction(args => Run(args, stdout, stderr, host));
    }

    private int Run(ParseResult args, TextWriter stdout, TextWriter stderr, CliHost host)
    {
        var input = Path.GetFullPath(args.GetRequiredValue(_in));
        var output = OutputFolder.Check(args.GetRequiredValue(_out));
        var textColumn = args.GetValue(_textColumn) ?? "text";
        var explainWords = args.GetValue(_explain) ?? 0;

        // Explaining re-scores a flagged post once per word, so smaller batches keep progress, checkpoints and Ctrl+C prompt.
        var batchSize = args.GetValue(_batchSize) ?? (explainWords > 0 ? 128 : 1024);
        // 0 would stop before the first row: a run that can do nothing is a usage error, not an interruption.
        var maxRows = args.GetValue(_maxRows) ?? int.MaxValue;
        var inputFormat = ScoreFormats.ForInput(input, args.GetValue(_format));
        var outputFormat = ScoreFormats.ForOutput(output);
        var resume = args.GetValue(_resume);
        if (new[] { output, PartialOutput.PartialPathOf(output), PartialOutput.CheckpointPathOf(output) }.Contains(input, StringComparer.Ordinal))
        {
            throw new CliException("--out must not be the same file as --in");
        }

        if (args.GetValue(_matcher) is not null && args.GetValue(_claims) is null)
        {
            throw new CliException("--matcher applies with --claims only");
        }

        var delimiter = args.GetValue(_delimiter);
        if (delimiter is not null && inputFormat != ScoreFormat.Csv)
        {
            throw new CliException("--delimiter applies to CSV input only");
        }

        // Read and checked before the model loads, so a mistake in a hand-written file is reported at once.
        var termListsPath = args.GetValue(_termLists) is { } file ? Path.GetFullPath(file) : null;
        var listsRead = termListsPath is null ? null : TermListsFile.Read(termListsPath);

        using IPostReader reader = inputFormat == ScoreFormat.Csv
            ? new CsvPostReader(input, textColumn, delimiter)
            : new JsonLinesPostReader(input, textColumn);
        var model = ModelBundleLoader.Load(args.GetRequiredValue(_model));
        var claims = args.GetValue(_claims) is { } db ? BulkClaims.Open(db, args.GetValue(_matcher), model, stderr) : null;
        var termLists = listsRead is null ? null : BulkTermLists.For(termListsPath!, listsRead, model);
        var withIds = reader.HasIds || outputFormat == ScoreFormat.JsonLines;
        using var consumed = new ConsumedRowsHash();
        var current = new ScoreCheckpoint(
            ScoreCheckpoint.CurrentFormat,
            Rows: 0,
            OutputBytes: 0,
            Flagged: 0,
            new InputFingerprint(input, consumed.Current),
            ModelFingerprint.Of(model),
            new ScoreSettings(
                ScoreFormats.Name(inputFormat),
                reader is CsvPostReader csv ? CsvDelimiters.Name(csv.Delimiter) : string.Empty,
                ScoreFormats.Name(outputFormat),
                textColumn,
                explainWords),
            claims?.Fingerprint,
            termLists?.Fingerprint);

        var (partial, start) = resume ? Continue(output, current, reader, withIds, consumed, stderr) : StartOver(output, current, stderr);
        var explainer = explainWords > 0 ? new FlaggedRowExplainer(model, explainWords) : null;
        IScoreWriter writer = outputFormat == ScoreFormat.Csv
            ? new CsvScoreWriter(partial.Writer, model.Labels, explainer is not null, reader.HasIds, claims is not null, termLists is not null)
            : new JsonLinesScoreWriter(partial.Writer, model.Labels, explainer is not null, claims is not null, termLists is not null);
        var startPosition = reader.Position;
        var progress = args.GetValue(_progress) || host.ErrorIsTerminal
            ? new ScoreProgress(stderr, host.ErrorIsTerminal, reader.Length, start.Rows, startPosition)
            : null;
        var session = new ScoreSession(partial, writer, start, consumed, startPosition, progress, maxRows);
        var clock = Stopwatch.StartNew();
        ScorePipeline.Outcome outcome;
        using (var interrupt = new CancellationTokenSource())
        using (host.OnInterrupt(interrupt.Cancel))
        {
            try
            {
                if (start.Rows == 0)
                {
                    writer.WriteHeader();
                    session.SaveCheckpoint();
                }

                outcome = session.Track(() => ScorePipeline.Run(
                    reader,
                    batchSize,
                    withIds,
                    Environment.ProcessorCount,
                    new PostBatchScorer(model, explainer, claims, termLists).Score,
                    session.Write,
                    interrupt.Token));
            }
            catch (DataFormatException)
            {
                // The input cannot be scored as it is, and a corrected file is a different input: nothing to resume.
                partial.Discard();
                throw;
            }
            catch
            {
                partial.Dispose();
                stderr.WriteLine($"[score] the rows up to the last checkpoint are kept in {partial.PartialPath}; once the cause is fixed, run the same command with --resume");
                throw;
            }
        }

        if (outcome != ScorePipeline.Outcome.Completed)
        {
            session.SaveCheckpoint();
            partial.Dispose();
            stderr.WriteLine($"[score] interrupted: {session.Rows:N0} rows are in {partial.PartialPath}; run the same command with --resume to continue from row {session.Rows + 1:N0}");
            return InterruptedExitCode;
        }

        // A checkpoint for every row first: if OUT cannot be replaced (open in a spreadsheet on Windows), --resume
        // finishes the move without scoring anything again.
        session.SaveCheckpoint();
        try
        {
            partial.Complete();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"[score] all {session.Rows:N0} rows are in {partial.PartialPath}, but {output} could not be replaced (is it open in another program?); close it and run the same command with --resume");
            throw;
        }

        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-6);
        var explained = explainer is null ? string.Empty : $" (top {explainWords} words of each flagged label written)";
        var totals = start.Rows == 0
            ? $"{session.Flagged:N0} flagged"
            : $"resumed after {start.Rows:N0} rows written before; {session.Rows:N0} rows, {session.Flagged:N0} flagged in all";
        var matched = claims is null ? string.Empty
            : $"; known claims ({claims.Fingerprint.Count:N0}): {session.ClaimMatches:N0} match, {session.ClaimSuggestions:N0} suggest" + (start.Rows == 0 ? string.Empty : " in the rows scored now");
        var listed = termLists is null ? string.Empty
            : $"; term lists ({termLists.Fingerprint.Lists:N0}): {session.TermListMatches:N0} {(session.TermListMatches == 1 ? "post" : "posts")} matched" + (start.Rows == 0 ? string.Empty : " in the rows scored now");
        stderr.WriteLine($"[score] done: {session.Written:N0} posts in {seconds:F1} s ({session.Written / seconds:N0} posts/s), {totals}{explained}, model {model.Version}{matched}{listed}");
        stdout.WriteLine(output);
        return 0;
    }

    // A fresh run: an unfinished earlier run for the same output is replaced.
    private static (PartialOutput Partial, ScoreCheckpoint Start) StartOver(string output, ScoreCheckpoint current, TextWriter stderr)
    {
        var partialPath = PartialOutput.PartialPathOf(output);
        if (File.Exists(partialPath) || File.Exists(PartialOutput.CheckpointPathOf(output)))
        {
            stderr.WriteLine($"[score] replacing the unfinished run in {partialPath} (add --resume to continue it instead)");
        }

        return (PartialOutput.Start(output), current);
    }

    // --resume: continue the unfinished run if there is one and it was started the same way on an input that still begins
    // with the rows it scored; else start from the beginning.
    private static (PartialOutput Partial, ScoreCheckpoint Start) Continue(
        string output, ScoreCheckpoint current, IPostReader reader, bool withIds, ConsumedRowsHash consumed, TextWriter stderr)
    {
        var checkpointPath = PartialOutput.CheckpointPathOf(output);
        var previous = ScoreCheckpoint.TryLoad(checkpointPath);
        if (previous is null)
        {
            stderr.WriteLine($"[score] nothing to resume ({checkpointPath} not found); scoring from the first row");
            return StartOver(output, current, stderr);
        }

        var partialPath = PartialOutput.PartialPathOf(output);
        if (previous.Mismatch(current) is { } reason)
        {
            throw new CliException($"cannot resume {partialPath}: {reason}; run without --resume to start again");
        }

        // Read back, and hash, the rows already written before touching the partial output, so a surprise in the input
        // leaves the unfinished run as it was. Reading is sequential: about as fast as the disk.
        for (var row = 0L; row < previous.Rows; row++)
        {
            if (!reader.TryRead(out var text, out var id))
            {
                throw new DataFormatException(
                    $"cannot resume {partialPath}: the input has {row:N0} rows, fewer than the {previous.Rows:N0} already written; run without --resume to start again");
            }

            consumed.Append(text, withIds ? id : null);
        }

        if (consumed.Current != previous.Input.Sha256)
        {
            var rows = previous.Rows == 1 ? "the first row of the input is not the row" : $"the first {previous.Rows:N0} rows of the input are not the rows";
            throw new DataFormatException(
                $"cannot resume {partialPath}: {rows} already scored (it has changed since the run was interrupted, or it is another file); run without --resume to start again");
        }

        var partial = PartialOutput.Continue(output, previous);
        stderr.WriteLine($"[score] resuming: {previous.Rows:N0} rows already in {partial.PartialPath}, continuing from row {previous.Rows + 1:N0}");
        return (partial, current with { Rows = previous.Rows, OutputBytes = previous.OutputBytes, Flagged = previous.Flagged });
    }
}
