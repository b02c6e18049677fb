using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Feedback;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Training.Cli;
using HoaxScreen.Training.Commands;

namespace HoaxScreen.Training;

/// <summary>Dispatches the train / crossvalidate / evaluate / score / seal / claims / feedback / adapt commands; every failure becomes one line and a non-zero exit.</summary>
public static class CliApp
{
    public const string Usage = """
        usage:
          train    --recipe R.json | --data D.csv [--delimiter ,|;|tab]   --out BUNDLE_DIR [--folds K]
          crossvalidate --recipe R.json | --data D.csv [--delimiter ,|;|tab] [--folds 5] [--out REPORT.md]
          evaluate --model BUNDLE_DIR --recipe R.json | --data D.csv [--delimiter ,|;|tab] [--split all|evaluation]
          score    --model BUNDLE_DIR --in POSTS.csv|POSTS.jsonl --out SCORES.csv|SCORES.jsonl [--format csv|jsonl]
                   [--delimiter ,|;|tab] [--text-column text] [--batch-size 1024 (128 with --explain)] [--explain N]
                   [--progress] [--resume] [--max-rows N] [--claims CLAIMS.db [--matcher MATCHER_DIR]]
                   [--termlists LISTS.db|LISTS.json]
                   --max-rows scores at most N rows in this run, then stops as Ctrl+C does (exit code 130): with
                   --resume on every run, a large file is scored in chunks over several sessions.
                   --claims adds claim_id, claim_score (best candidate; empty when none) and claim_decision (match,
                   suggest, none); --matcher defaults to claims/ beside the model folder, else models/claims.
                   --termlists adds term_matches (list:term | ...): the service's term-list store, or a JSON array
                   of { "name", "flag", "terms" } lists; a match of a flag: true list sets flagged.
          seal     --model BUNDLE_DIR
                   rewrites the manifest's list of files (size and SHA-256) after a deliberate edit, e.g. of
                   lexicons/slang.csv; serving refuses a bundle whose files do not match that list.
          adapt    --model BASE_DIR --feedback FEEDBACK.csv|FEEDBACK.jsonl --out NEW_DIR [--method local|residual|warm|platt|thresholds]
                   [--delimiter ,|;|tab]
                   a new sealed bundle fitted to a community from its moderators' decisions (text + label columns,
                   empty = not judged); a label with fewer than 20 positive or negative decisions keeps the base.
                   FEEDBACK.db (the service's store): export it first with `feedback export`.
          claims import --db CLAIMS.db --in FILE [--format csv|jsonl|claimreview|google|mafindo]
          claims train --claims CLAIMS.csv --pairs PAIRS.csv --model BUNDLE_DIR --out MATCHER_DIR [--folds 5]
                   trains the known-hoax match decider on team-written pairs (data/claims)
          claims search --db CLAIMS.db --text "…" [--top 5] [--matcher models/claims] [--model models/default]
                   the claims a post may repeat, best first: decision (match, suggest, none), probability, claim
                   adds or updates fact-checks (by id) in the known-hoax store, creating it when missing; the whole
                   file is checked first and written in one transaction, so a bad file changes nothing. The format
                   comes from the extension when omitted (.csv; .jsonl/.ndjson; .json: ClaimReview, Google Fact
                   Check or TurnBackHoax, told apart by content).
          feedback export --db FEEDBACK.db --out FILE.csv|FILE.jsonl [--format csv|jsonl]
                   the moderators' decisions of the service's feedback store (Feedback:Path) in the canonical
                   format: id, text, one column per judged label with 1, 0 or empty (not judged); decisions that
                   judge only a known claim are left out. Feeds train --data, evaluate --data, adapt --feedback.
        CSV input: fields separated by ',' ';' or tab, detected from the header line unless --delimiter says.
        the folder --out goes in must exist: train creates BUNDLE_DIR in it, score the scores file.
        exit codes: 0 done, 1 bad data, model or path, 2 bad usage, 130 interrupted or stopped at --max-rows (score: rerun with --resume).
        """;

    /// <param name="host">The console the CLI runs on; <see cref="CliHost.InProcess"/> when omitted (tests).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliHost? host = null)
    {
        if (args.Length == 0)
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        // "score --help" as well as "--help": asking for help is never an unknown option.
        if (args[0] is "help" || args.Any(a => a is "-h" or "--help"))
        {
            stdout.WriteLine(Usage);
            return 0;
        }

        try
        {
            var rest = args[1..];
            return args[0] switch
            {
                "train" => TrainCommand.Run(CliArguments.Parse(rest, TrainCommand.Options), stdout, stderr),
                "crossvalidate" => CrossValidateCommand.Run(CliArguments.Parse(rest, CrossValidateCommand.Options), stdout, stderr),
                "evaluate" => EvaluateCommand.Run(CliArguments.Parse(rest, EvaluateCommand.Options), stdout, stderr),
                "score" => ScoreCommand.Run(
                    CliArguments.Parse(rest, ScoreCommand.Options, ScoreCommand.Switches), stdout, stderr, host ?? CliHost.InProcess),
                "seal" => SealCommand.Run(CliArguments.Parse(rest, SealCommand.Options), stdout),
                "claims" => ClaimsCommand.Run(rest, stdout, stderr),
                "feedback" => FeedbackCommand.Run(rest, stdout, stderr),
                "adapt" => AdaptCommand.Run(CliArguments.Parse(rest, AdaptCommand.Options), stdout, stderr),
                _ => throw new CliException($"unknown command '{args[0]}' (expected train, crossvalidate, evaluate, score, seal, claims, feedback or adapt)"),
            };
        }
        catch (CliException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return 2;
        }
        catch (Exception ex) when (ex is DataFormatException or ModelBundleException or ClaimImportException or ClaimStoreException or FeedbackStoreException)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return 1;
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }
}
