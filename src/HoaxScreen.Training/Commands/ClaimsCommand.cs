using HoaxScreen.Core.Claims;
using HoaxScreen.Training.Claims;
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

    public static readonly string[] SearchOptions = ["db", "text", "top", "matcher", "model"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            throw new CliException("claims needs a subcommand: import, train or search");
        }

        return args[0] switch
        {
            "import" => Import(CliArguments.Parse(args[1..], ImportOptions), stdout),
            "train" => Train(CliArguments.Parse(args[1..], TrainOptions), stdout, stderr),
            "search" => Search(CliArguments.Parse(args[1..], SearchOptions), stdout),
            _ => throw new CliException($"unknown claims subcommand '{args[0]}' (expected import, train or search)"),
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
        stdout.WriteLine($"wrote {output}: {claims.Count} claims, {pairs.Count} posts; out of fold ({cv.Folds} folds by claim):");
        stdout.WriteLine($"  retrieved in the top 10: {cv.RetrievedAtTen:P1} of {cv.RepeatPosts} repeats; success@1 {cv.SuccessAtOne:P1}");
        stdout.WriteLine(
            $"  match   (p ≥ {cv.MatchThreshold:F3}, posts of {MatcherFolder.MinWordsToMatch}+ words): precision {cv.MatchPrecision:F3}, recall {cv.MatchRecall:F3} ({cv.ShortRepeatPosts} shorter repeats count as misses)");
        stdout.WriteLine(
            $"  suggest (p ≥ {cv.SuggestThreshold:F3}): precision {cv.SuggestPrecision:F3}, recall {cv.SuggestRecall:F3}, on {cv.SuggestedUnrelatedShare:P1} of unrelated posts");
        stdout.WriteLine($"  false matches: {cv.FalseMatchesOnRelated} of {cv.RelatedPosts} related posts, {cv.FalseMatchesOnUnrelated} of {cv.UnrelatedPosts} unrelated");
        return 0;
    }

    /// <summary>
    /// claims search --db DB --text "…" [--top 5] [--matcher models/claims] [--model models/default]: the claims a post
    /// may repeat, best first, one tab-separated line each: decision, probability, id, verdict, claim, url.
    /// </summary>
    private static int Search(CliArguments args, TextWriter stdout)
    {
        var db = args.Required("db");
        var text = args.Required("text");
        var top = args.Optional("top") is { } value
            ? int.TryParse(value, out var n) && n is >= 1 and <= 100 ? n : throw new CliException($"--top must be a whole number from 1 to 100, not '{value}'")
            : 5;
        var matcherFolder = args.Optional("matcher") ?? Path.Combine("models", "claims");
        var bundle = args.Optional("model") ?? Path.Combine("models", "default");
        if (!File.Exists(db))
        {
            throw new IOException($"{db}: no claims store there (create one with claims import)");
        }

        var manifest = Core.Modeling.ModelBundle.ReadManifest(bundle);
        var normalizer = Core.Text.TextNormalizer.ForBundle(bundle, manifest.Normalizer);
        var matcher = Core.Claims.Matching.ClaimMatcher.Load(matcherFolder, ClaimStore.Open(db).Snapshot().Claims, normalizer);
        stdout.WriteLine("decision\tprobability\tid\tverdict\tclaim\turl");
        foreach (var candidate in matcher.Candidates(text).Take(top))
        {
            var claim = candidate.Claim;
            stdout.WriteLine(string.Join('\t', candidate.Decision.ToString().ToLowerInvariant(),
                candidate.Score.ToString("F3", System.Globalization.CultureInfo.InvariantCulture), claim.Id, claim.Verdict, claim.Claim, claim.Url));
        }

        return 0;
    }
}
