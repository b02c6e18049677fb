using System.Diagnostics;
using System.Globalization;
using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Text;
using HoaxScreen.Training;

namespace HoaxScreen.Bench.Claims;

/// <summary>
/// HoaxScreen's side of the benchmark: the shipped matcher, matchers trained on TurnBackHoax out of fold (with the
/// training CLI's own code), and the matcher's BM25 retrieval stage alone. Everything goes through the serving path
/// (<see cref="ClaimMatcher"/>) with the classifier bundle's normaliser.
/// </summary>
public sealed class ClaimsMatcherRuns
{
    private readonly ClaimsBenchData _data;
    private readonly TextNormalizer _normalizer;
    private readonly TextWriter _log;
    private readonly string[] _normalized;
    private readonly int[] _words;

    public ClaimsMatcherRuns(ClaimsBenchData data, TextNormalizer normalizer, TextWriter log)
    {
        _data = data;
        _normalizer = normalizer;
        _log = log;
        _normalized = [.. data.Queries.Select(q => normalizer.Normalize(q.Text))];
        // Counted as ClaimMatcher counts them, for its minimum word count.
        _words = [.. _normalized.Select(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length)];
    }

    /// <summary>Known posts the matcher may never match (under its minimum word count once normalised).</summary>
    public int ShortKnownPosts(int minWords) => _data.Queries.Count(q => q.Kind == QueryKind.Known && _words[q.Id] < minWords);

    /// <summary>The committed matcher folder over the indexed claims; the same answers judged at its own thresholds and by the rule.</summary>
    public (ClaimsSystemRun Own, ClaimsSystemRun Rule) Shipped(string matcherDirectory)
    {
        var clock = Stopwatch.StartNew();
        var matcher = ClaimMatcher.Load(matcherDirectory, _data.IndexedClaims, _normalizer);
        var answers = _data.Queries.Select(q => Answer(matcher, q.Id)).ToList();
        var seconds = clock.Elapsed.TotalSeconds;
        var m = matcher.Manifest;
        _log.WriteLine($"[claims] shipped matcher: {answers.Count:N0} queries in {seconds:F1} s");
        var trainedOn = string.Join(" and ", m.TrainedOn.Select(f => f.Path));
        var config = string.Create(CultureInfo.InvariantCulture,
            $"{Display(matcherDirectory)} (trained on the team-written {trainedOn}); match ≥ {m.MatchThreshold:F3}, suggest ≥ {m.SuggestThreshold:F3}, match needs ≥ {m.MinWordsToMatch} words");
        return (new ClaimsSystemRun("shipped matcher", config, ThresholdMode.Own, answers, seconds),
                new ClaimsSystemRun("shipped matcher, threshold re-chosen", "the same answers, with the match threshold chosen per fold by the rule instead of its own (≥ 8 words kept)", ThresholdMode.Rule, answers, seconds));
    }

    /// <summary>
    /// A matcher trained on TurnBackHoax, out of fold: for each fold, <c>claims train</c> (run in-process, the CLI's
    /// own code) on the other folds' queries as pairs (known = repeat, unseen and clean = unrelated), which picks its
    /// thresholds by its own inner cross-validation; then that matcher answers the fold's queries.
    /// </summary>
    public ClaimsSystemRun TrainedOnTurnBackHoax(string work, string bundle)
    {
        var clock = Stopwatch.StartNew();
        var answers = new QueryAnswer[_data.Queries.Count];
        var notes = new List<string>();
        var claimsCsv = Path.Combine(work, "trained", "claims.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(claimsCsv)!);
        ClaimsFiles.WriteClaims(claimsCsv, _data.IndexedClaims);
        for (var fold = 0; fold < ClaimsSplit.Folds; fold++)
        {
            var folder = Path.Combine(work, "trained", $"fold-{fold}");
            Directory.CreateDirectory(folder);
            var current = fold;
            var training = _data.Queries.Where(q => q.Fold != current).ToList();
            var pairs = Path.Combine(folder, "pairs.csv");
            ClaimsFiles.WritePairs(pairs, training);
            var output = Path.Combine(folder, "matcher");
            _log.WriteLine($"[claims] fold {fold}: claims train on {training.Count(q => q.Kind == QueryKind.Known):N0} repeat and {training.Count(q => q.Kind != QueryKind.Known):N0} unrelated posts");
            var summary = new StringWriter();
            var exit = CliApp.Run(["claims", "train", "--claims", claimsCsv, "--pairs", pairs, "--model", bundle, "--out", output], summary, _log);
            if (exit != 0)
            {
                return ClaimsSystemRun.Failed("matcher trained on TurnBackHoax", "claims train per fold", $"claims train failed on fold {fold} (exit {exit})", clock.Elapsed.TotalSeconds);
            }

            var matcher = ClaimMatcher.Load(output, _data.IndexedClaims, _normalizer);
            foreach (var q in _data.Queries.Where(q => q.Fold == current))
            {
                answers[q.Id] = Answer(matcher, q.Id);
            }

            var cv = matcher.Manifest.CrossValidation;
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"fold {fold}: trained on {training.Count:N0} posts; match ≥ {matcher.Manifest.MatchThreshold:F3} (inner out-of-fold P {Number(cv, "matchPrecision"):F3} / R {Number(cv, "matchRecall"):F3}), suggest ≥ {matcher.Manifest.SuggestThreshold:F3}"));
            _log.WriteLine($"[claims] {notes[^1]} ({clock.Elapsed.TotalSeconds:F0} s so far)");
        }

        return new ClaimsSystemRun(
            "matcher trained on TurnBackHoax",
            "`claims train` per fold on the other 4 folds' posts (known → repeat, unseen and clean → unrelated), its own thresholds (inner 5-fold out-of-fold, match P ≥ 0.95); match needs ≥ 8 words",
            ThresholdMode.Own, answers, clock.Elapsed.TotalSeconds, Notes: notes);
    }

    /// <summary>The matcher's retrieval stage alone: BM25 over normalised headlines, its raw score as the decision score.</summary>
    public ClaimsSystemRun Bm25Stage()
    {
        var clock = Stopwatch.StartNew();
        var index = Bm25ClaimIndex.Build([.. _data.IndexedClaims.Select(c => (c.Id, _normalizer.Normalize(c.Claim)))]);
        var answers = _data.Queries.Select(q =>
        {
            var found = index.Search(_normalized[q.Id], 5);
            return found.Count == 0 ? QueryAnswer.None : new QueryAnswer([.. found.Select(c => c.Id)], found[0].Score, true, null);
        }).ToList();
        return new ClaimsSystemRun(
            "HoaxScreen BM25 stage (no decider)",
            "Bm25ClaimIndex (k1 1.2, b 0.75) over the normalised headlines, the matcher's candidate retrieval; raw BM25 score, threshold by the rule",
            ThresholdMode.Rule, answers, clock.Elapsed.TotalSeconds);
    }

    private QueryAnswer Answer(ClaimMatcher matcher, int query)
    {
        var candidates = matcher.CandidatesNormalized(_normalized[query]);
        if (candidates.Count == 0)
        {
            return QueryAnswer.None;
        }

        return new QueryAnswer(
            [.. candidates.Select(c => c.Claim.Id)], candidates[0].Score, _words[query] >= matcher.Manifest.MinWordsToMatch, candidates[0].Decision);
    }

    private static double Number(System.Text.Json.Nodes.JsonObject? json, string name) =>
        json?[name] is { } value ? value.GetValue<double>() : double.NaN;

    private static string Display(string path) => BenchPaths.Display(Path.GetFullPath(path));
}
