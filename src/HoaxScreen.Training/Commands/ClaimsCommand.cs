using System.CommandLine;
using HoaxScreen.Core.Claims;
using HoaxScreen.Training.Claims;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Training.Commands;

/// <summary>
/// claims import|train|search. import --db DB --in FILE [--format csv|jsonl|claimreview|google|mafindo]: reads and
/// checks the whole file, then upserts it into the fact-check store in one transaction (a bad file changes nothing).
/// </summary>
public sealed class ClaimsCommand : Command
{
    private readonly ImportOptions _import = new();

    private readonly TrainOptions _train = new();

    private readonly SearchOptions _search = new();

    public ClaimsCommand(TextWriter stdout, TextWriter stderr)
        : base("claims", "The known-hoax store: import fact-checks, train the match decider, search for the claims a post repeats.")
    {
        var import = new Command("import", """
            Add or update fact-checks (by id) in the known-hoax store, creating it when missing; the whole file is checked
            first and written in one transaction, so a bad file changes nothing.
            """)
        {
            _import.Db,
            _import.In,
            _import.Format,
        };
        import.SetAction(args => Import(args, stdout));

        var train = new Command("train", "Train the known-hoax match decider on team-written pairs (data/claims).")
        {
            _train.Claims,
            _train.Pairs,
            _train.Model,
            _train.Out,
            _train.Folds,
        };
        train.SetAction(args => Train(args, stdout, stderr));

        var search = new Command("search", "The claims a post may repeat, best first: decision (match, suggest, none), probability, claim.")
        {
            _search.Db,
            _search.Text,
            _search.Top,
            _search.Matcher,
            _search.Model,
        };
        search.SetAction(args => Search(args, stdout));

        Add(import);
        Add(train);
        Add(search);
    }

    private int Import(ParseResult args, TextWriter stdout)
    {
        var db = args.GetRequiredValue(_import.Db);
        var input = args.GetRequiredValue(_import.In);
        ClaimFormat? format = null;
        if (args.GetValue(_import.Format) is { } name)
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
    private int Train(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        var claimsCsv = args.GetRequiredValue(_train.Claims);
        var pairsCsv = args.GetRequiredValue(_train.Pairs);
        var bundle = args.GetRequiredValue(_train.Model);
        var output = Path.GetFullPath(args.GetRequiredValue(_train.Out));
        var folds = args.GetValue(_train.Folds);
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
    private int Search(ParseResult args, TextWriter stdout)
    {
        var db = args.GetRequiredValue(_search.Db);
        var text = args.GetRequiredValue(_search.Text);
        var top = args.GetValue(_search.Top);
        var matcherFolder = args.GetValue(_search.Matcher) ?? Path.Combine("models", "claims");
        var bundle = args.GetValue(_search.Model) ?? Path.Combine("models", "default");
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

    private sealed class ImportOptions
    {
        public Option<string> Db { get; } = CliOptions.Text("--db", "CLAIMS.db", "the known-hoax store (created when missing)", required: true);

        public Option<string> In { get; } = CliOptions.Text("--in", "FILE", "the fact-checks to import", required: true);

        public Option<string> Format { get; } = CliOptions.Choice(
            "--format",
            "the file's format; from the extension when omitted (.csv; .jsonl/.ndjson; .json: ClaimReview, Google Fact Check or TurnBackHoax, told apart by content)",
            ClaimFormats.Names);
    }

    private sealed class TrainOptions
    {
        public Option<string> Claims { get; } = CliOptions.Text("--claims", "CLAIMS.csv", "the team-written claims", required: true);

        public Option<string> Pairs { get; } = CliOptions.Text("--pairs", "PAIRS.csv", "the team-written posts paired with the claims they repeat (or none)", required: true);

        public Option<string> Model { get; } = CliOptions.Text("--model", "BUNDLE_DIR", "the classifier bundle whose normaliser the matcher uses", required: true);

        public Option<string> Out { get; } = CliOptions.Text("--out", "MATCHER_DIR", "the matcher folder to write (its parent must exist)", required: true);

        public Option<int> Folds { get; } = CliOptions.WholeNumber("--folds", "K", "cross-validation folds (by claim), 2..20", fallback: 5, min: 2, max: 20);
    }

    private sealed class SearchOptions
    {
        public Option<string> Db { get; } = CliOptions.Text("--db", "CLAIMS.db", "the known-hoax store", required: true);

        public Option<string> Text { get; } = CliOptions.Text("--text", "\"…\"", "the post to look up", required: true);

        public Option<int> Top { get; } = CliOptions.WholeNumber("--top", "N", "how many candidates to print, 1..100", fallback: 5, min: 1, max: 100);

        public Option<string> Matcher { get; } = CliOptions.Text("--matcher", "MATCHER_DIR", "the trained matcher (default: models/claims)");

        public Option<string> Model { get; } = CliOptions.Text("--model", "BUNDLE_DIR", "the classifier bundle whose normaliser the matcher uses (default: models/default)");
    }
}
