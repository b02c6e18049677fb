using HoaxScreen.Core.Claims;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Training.Commands;

/// <summary>
/// claims import --db DB --in FILE [--format csv|jsonl|claimreview|google|mafindo]: reads and checks the whole file,
/// then upserts it into the fact-check store in one transaction (a bad file changes nothing).
/// </summary>
public static class ClaimsCommand
{
    public static readonly string[] ImportOptions = ["db", "in", "format"];

    public static readonly string[] TrainOptions = ["claims", "pairs", "model", "out", "folds"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            throw new CliException("claims needs a subcommand: import or train");
        }

        return args[0] switch
        {
            "import" => Import(CliArguments.Parse(args[1..], ImportOptions), stdout),
            "train" => Train(CliArguments.Parse(args[1..], TrainOptions), stdout, stderr),
            _ => throw new CliException($"unknown claims subcommand '{args[0]}' (expected import or train)"),
        };
    }

    private static int Import(CliArguments args, TextWriter stdout)
    {
        var db = args.Required("db");
        var input = args.Required("in");
        ClaimFormat? format = null;
        if (args.Optional("format") is { } name)
        {
            format = ClaimFormats.Parse(name)
                ?? throw new CliException($"--format must be one of {string.Join(", ", ClaimFormats.Names)}, not '{name}'");
        }

        // Read and check everything before the store is touched (or even created).
        var batch = ClaimImport.Load(input, format);
        var store = ClaimStore.Open(db);
        var result = store.Upsert(batch.Claims);

        var duplicates = batch.DuplicateIds > 0 ? $" ({batch.DuplicateIds} repeated an earlier id: the last of each kept)" : "";
        stdout.WriteLine($"read {batch.Records} claims from {input} as {ClaimFormats.Name(batch.Format)}{duplicates}");
        stdout.WriteLine(
            $"added {result.Added}, updated {result.Updated}, unchanged {result.Unchanged}; {store.Path} now holds {result.Total} claims (revision {result.Revision})");
        return 0;
    }

    /// <summary>
    /// claims train --claims CLAIMS.csv --pairs PAIRS.csv --model BUNDLE --out MATCHER_DIR [--folds 5]: trains the match
    /// decider on team-written pairs with the classifier bundle's normaliser and writes decider.zip and matcher.json.
    /// </summary>
    private static int Train(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var claimsCsv = args.Required("claims");
        var pairsCsv = args.Required("pairs");
        var bundle = args.Required("model");
        var output = Path.GetFullPath(args.Required("out"));
        var folds = args.Optional("folds") is { } text
            ? int.TryParse(text, out var k) && k is >= 2 and <= 20 ? k : throw new CliException($"--folds must be a whole number from 2 to 20, not '{text}'")
            : 5;
        OutputFolder.Check(output);

        var manifest = Core.Modeling.ModelBundle.ReadManifest(bundle);
        var normalizer = Core.Text.TextNormalizer.ForBundle(bundle, manifest.Normalizer);
        var (claims, pairs) = Claims.ClaimMatcherTraining.Read(claimsCsv, pairsCsv);
        var trained = Claims.ClaimMatcherTraining.Train(claims, pairs, normalizer, folds, message => stderr.WriteLine($"[claims train] {message}"));
        Claims.MatcherFolder.Write(output, trained, manifest.Version, claimsCsv, pairsCsv);

        var cv = trained.CrossValidation;
        stdout.WriteLine($"wrote {output}: {claims.Count} claims, {pairs.Count} posts; out of fold ({cv.Folds} folds by post):");
        stdout.WriteLine($"  retrieved in the top 10: {cv.RetrievedAtTen:P1} of {cv.RepeatPosts} repeats; success@1 {cv.SuccessAtOne:P1}");
        stdout.WriteLine($"  match   (p ≥ {cv.MatchThreshold:F3}): precision {cv.MatchPrecision:F3}, recall {cv.MatchRecall:F3}");
        stdout.WriteLine($"  suggest (p ≥ {cv.SuggestThreshold:F3}): precision {cv.SuggestPrecision:F3}, recall {cv.SuggestRecall:F3}");
        stdout.WriteLine($"  false matches: {cv.FalseMatchesOnRelated} of {cv.RelatedPosts} related posts, {cv.FalseMatchesOnUnrelated} of {cv.UnrelatedPosts} unrelated");
        return 0;
    }
}
