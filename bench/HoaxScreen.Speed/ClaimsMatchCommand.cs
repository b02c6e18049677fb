using System.Diagnostics;
using System.Globalization;
using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Text;
using Microsoft.ML;

namespace HoaxScreen.Speed;

/// <summary>
/// claims-match: per-post match time against a generated store (100,000 claims by default) on one thread, with the
/// stages apart (normalise, BM25 retrieval, pair features, decider) and, in the same run and interleaved post by post,
/// the same stages as they were before the speed work (the legacy BM25 search walking every common-word posting, the
/// readable <see cref="PairFeatures"/>, one ML.NET PredictionEngine call per candidate) as peers. Checks first that the
/// matcher's candidates, probabilities and decisions are identical to that path's on every post.
/// </summary>
public static class ClaimsMatchCommand
{
    public static int Run(string[] args, TextWriter stdout)
    {
        var claimCount = Option(args, "--claims", 100_000);
        var postCount = Option(args, "--posts", 2_000);
        var rounds = Option(args, "--rounds", 3);
        stdout.WriteLine($"claims-match: {claimCount:N0} generated claims, {postCount:N0} posts, {rounds} timed rounds after one warm-up; {MachineInfo.Describe()}");

        var clock = Stopwatch.StartNew();
        var corpus = ClaimsCorpus.Generate(claimCount, postCount);
        stdout.WriteLine($"  generated in {clock.ElapsedMilliseconds:N0} ms ({corpus.Paraphrases:N0} paraphrases of claims, {postCount - corpus.Paraphrases:N0} data/posts.csv rows)");

        var normalizer = TextNormalizer.ForBundle(BenchPaths.DefaultModel, ModelBundle.ReadManifest(BenchPaths.DefaultModel).Normalizer);
        var matcherFolder = StringOption(args, "--matcher") is { } given ? Path.GetFullPath(given) : Path.Combine(BenchPaths.Root, "models", "claims");
        clock.Restart();
        var matcher = ClaimMatcher.Load(matcherFolder, corpus.Claims, normalizer);
        stdout.WriteLine($"  matcher loaded over {matcher.Count:N0} claims in {clock.ElapsedMilliseconds:N0} ms");

        var reference = new ReferenceMatcher(matcherFolder, corpus.Claims, normalizer, matcher.Manifest);
        var normalized = corpus.Posts.Select(normalizer.Normalize).ToArray();

        var (compared, differing) = Compare(matcher, reference, normalized);
        stdout.WriteLine($"  decisions: {compared:N0} candidates compared with the path before (legacy BM25, PairFeatures, ML.NET engine), {differing} differ (id, probability bits or decision)");
        var found = Enumerable.Range(0, postCount).Count(p => corpus.PostClaims[p] >= 0
            && matcher.MatchNormalized(normalized[p], 1) is [var best] && best.Claim.Id == corpus.Claims[corpus.PostClaims[p]].Id);
        var matchedOthers = Enumerable.Range(0, postCount).Count(p => corpus.PostClaims[p] < 0
            && matcher.MatchNormalized(normalized[p], 1) is [{ Decision: ClaimDecision.Match }]);
        stdout.WriteLine($"  sanity: {found:N0} of {corpus.Paraphrases:N0} paraphrases have their claim first (suggest or match); {matchedOthers} of {postCount - corpus.Paraphrases:N0} other posts matched");

        if (Option(args, "--loop", 0) is var loop and > 0)
        {
            // For a profiler: nothing but Match, for this many seconds.
            stdout.WriteLine($"  looping Match for {loop} s");
            stdout.Flush();
            var until = Stopwatch.StartNew();
            var calls = 0L;
            while (until.Elapsed.TotalSeconds < loop)
            {
                matcher.Match(corpus.Posts[(int)(calls++ % postCount)]);
            }

            stdout.WriteLine($"  {until.Elapsed.TotalMicroseconds / calls:F1} µs per post (mean, wall)");
            return differing == 0 ? 0 : 1;
        }

        // The stages apart, each on inputs computed beforehand (the candidates and feature vectors of each post).
        var k = matcher.Manifest.Candidates;
        var table = new ClaimFeatureTable(reference.Index, reference.NormalizedClaims);
        var trees = TreeEnsembleDecider.TryCreate(reference.Decider) ?? throw new InvalidOperationException("the decider is not a plain FastTree");
        var candidates = normalized.Select(p => reference.Index.Search(p, k)).ToArray();
        var vectors = normalized.Select(reference.Features).ToArray();
        var flat = vectors.Select(v => v.SelectMany(f => f).ToArray()).ToArray();
        var probabilities = new float[k];
        var buffer = new float[PairFeatures.Count * k];
        var stages = new Stage[]
        {
            new("match (Match: normalise → decision)", i => matcher.Match(corpus.Posts[i])),
            new("· normalise", i => normalizer.Normalize(corpus.Posts[i])),
            new($"· BM25 retrieval, top {k} (Bm25ClaimIndex.Search)", i => reference.Index.Search(normalized[i], k)),
            new("· pair features of the candidates (ClaimFeatureTable)", i =>
            {
                table.SetPost(normalized[i]);
                table.Compute(candidates[i], buffer);
            }),
            new("· decider on the candidates (TreeEnsembleDecider)", i => trees.Probabilities(flat[i], PairFeatures.Count, probabilities.AsSpan(0, vectors[i].Length))),
            new("peer: BM25 retrieval before (every common-word posting walked)", i => reference.Legacy.Search(normalized[i], k)),
            new("peer: pair features before (PairFeatures.ComputeAll)", i =>
                PairFeatures.ComputeAll(normalized[i], reference.NormalizedClaims, candidates[i], reference.Index, reference.Chars)),
            new("peer: decider before (ML.NET PredictionEngine per candidate)", i => reference.EngineProbabilities(vectors[i])),
            new("peer: whole path before (normalise, legacy BM25, PairFeatures, engine)", i => reference.Candidates(normalizer.Normalize(corpus.Posts[i]), legacy: true)),
        };

        // One warm-up pass (tiered JIT), then rounds of every stage interleaved post by post, so drift on a shared
        // machine hits all stages alike.
        foreach (var stage in stages)
        {
            for (var i = 0; i < postCount; i++)
            {
                stage.Action(i);
            }
        }

        var times = stages.Select(_ => new double[rounds * postCount]).ToArray();
        for (var r = 0; r < rounds; r++)
        {
            for (var i = 0; i < postCount; i++)
            {
                for (var s = 0; s < stages.Length; s++)
                {
                    var start = Stopwatch.GetTimestamp();
                    stages[s].Action(i);
                    times[s][(r * postCount) + i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                }
            }
        }

        stdout.WriteLine();
        stdout.WriteLine("| stage (µs per post, one thread) | p50 | p90 | p99 | mean |");
        stdout.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        for (var s = 0; s < stages.Length; s++)
        {
            var sorted = times[s].Order().ToArray();
            stdout.WriteLine($"| {stages[s].Name} | {Percentile(sorted, 0.5):F1} | {Percentile(sorted, 0.9):F1} | {Percentile(sorted, 0.99):F1} | {sorted.Average():F1} |");
        }

        double P50(int s) => Percentile([.. times[s].Order()], 0.5);
        stdout.WriteLine();
        stdout.WriteLine($"p50 ratios (before / now): whole path {P50(8) / P50(0):F2}; BM25 {P50(5) / P50(2):F2}; features {P50(6) / P50(3):F2}; decider {P50(7) / P50(4):F2}");
        return differing == 0 ? 0 : 1;
    }

    private static (int Compared, int Differing) Compare(ClaimMatcher matcher, ReferenceMatcher reference, string[] normalized)
    {
        int compared = 0, differing = 0;
        foreach (var post in normalized)
        {
            var actual = matcher.CandidatesNormalized(post);
            var expected = reference.Candidates(post, legacy: true);
            compared += Math.Max(actual.Count, expected.Count);
            if (actual.Count != expected.Count)
            {
                differing += Math.Abs(actual.Count - expected.Count);
            }

            for (var k = 0; k < Math.Min(actual.Count, expected.Count); k++)
            {
                if (actual[k].Claim.Id != expected[k].Claim.Id
                    || BitConverter.SingleToInt32Bits(actual[k].Score) != BitConverter.SingleToInt32Bits(expected[k].Score)
                    || actual[k].Decision != expected[k].Decision)
                {
                    differing++;
                }
            }
        }

        return (compared, differing);
    }

    private static double Percentile(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string? StringOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private sealed record Stage(string Name, Action<int> Action);

    /// <summary>
    /// The matcher's path before the speed work: BM25 top-k, the readable pair features, one ML.NET PredictionEngine
    /// call per candidate, most probable first, only the best may stay a match.
    /// </summary>
    private sealed class ReferenceMatcher
    {
        private readonly IReadOnlyList<Core.Claims.FactCheck> _claims;
        private readonly PredictionEngine<DeciderRow, DeciderScore> _engine;
        private readonly MatcherManifest _manifest;
        private readonly DeciderRow _row = new();
        private DeciderScore _score = new();

        public ReferenceMatcher(string folder, IReadOnlyList<Core.Claims.FactCheck> claims, TextNormalizer normalizer, MatcherManifest manifest)
        {
            _claims = claims;
            _manifest = manifest;
            NormalizedClaims = [.. claims.Select(c => normalizer.Normalize(c.Claim))];
            (string, string)[] texts = [.. claims.Select((c, i) => (c.Id, NormalizedClaims[i]))];
            Index = Bm25ClaimIndex.Build(texts);
            Legacy = HoaxScreen.Reference.LegacyBm25ClaimIndex.Build(texts);
            Chars = new CharTfIdf(NormalizedClaims);
            var ml = new MLContext(seed: 1);
            Decider = ml.Model.Load(Path.Combine(folder, MatcherManifest.DeciderFile), out _);
            _engine = ml.Model.CreatePredictionEngine<DeciderRow, DeciderScore>(Decider);
        }

        public string[] NormalizedClaims { get; }

        public Bm25ClaimIndex Index { get; }

        public HoaxScreen.Reference.LegacyBm25ClaimIndex Legacy { get; }

        public ITransformer Decider { get; }

        public CharTfIdf Chars { get; }

        public void EngineProbabilities(float[][] vectors)
        {
            foreach (var vector in vectors)
            {
                _row.Features = vector;
                _engine.Predict(_row, ref _score);
            }
        }

        public float[][] Features(string post)
        {
            var candidates = Index.Search(post, _manifest.Candidates);
            return PairFeatures.ComputeAll(post, NormalizedClaims, candidates, Index, Chars);
        }

        public List<ClaimMatch> Candidates(string post, bool legacy = false)
        {
            var candidates = legacy ? Legacy.Search(post, _manifest.Candidates) : Index.Search(post, _manifest.Candidates);
            var words = post.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            var features = PairFeatures.ComputeAll(post, NormalizedClaims, candidates, Index, Chars);
            var row = new DeciderRow();
            var score = new DeciderScore();
            var matches = new List<ClaimMatch>(candidates.Count);
            for (var rank = 0; rank < candidates.Count; rank++)
            {
                var candidate = candidates[rank];
                row.Features = features[rank];
                _engine.Predict(row, ref score);
                var decision = score.Probability >= _manifest.MatchThreshold && words >= _manifest.MinWordsToMatch ? ClaimDecision.Match
                    : score.Probability >= _manifest.SuggestThreshold ? ClaimDecision.Suggest
                    : ClaimDecision.None;
                matches.Add(new ClaimMatch(_claims[candidate.Index], score.Probability, decision));
            }

            var ordered = matches.OrderByDescending(m => m.Score).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].Decision == ClaimDecision.Match)
                {
                    ordered[i] = ordered[i] with { Decision = ClaimDecision.Suggest };
                }
            }

            return ordered;
        }
    }
}
