using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Text;
using HoaxScreen.Tests.Shared;
using Microsoft.ML;

namespace HoaxScreen.Training.Tests.Claims;

/// <summary>
/// The serving matcher (the committed models/claims, trained by claims train on data/claims): a post repeating a claim in other words
/// is matched to it, a short post is at most suggested, an ordinary post matches nothing, threads agree, and its
/// decisions are those of the decider as trained (PairFeatures, one ML.NET engine call per candidate).
/// </summary>
public class ClaimMatcherTests
{
    // The committed matcher is claims train's output on data/claims (ClaimsTrainCommandTests trains one afresh).
    private static readonly Lazy<ClaimMatcher> Matcher = new(() =>
    {
        var manifest = ModelBundle.ReadManifest(RepoPaths.DefaultModel);
        var claims = ClaimImport.Load(Path.Combine(RepoPaths.DataFolder, "claims", "claims.csv")).Claims;
        return ClaimMatcher.Load(RepoPaths.Bundle("claims"), claims, TextNormalizer.ForBundle(RepoPaths.DefaultModel, manifest.Normalizer));
    });

    private static FactCheck Claim(string id) => ClaimImport.Load(Path.Combine(RepoPaths.DataFolder, "claims", "claims.csv")).Claims.Single(c => c.Id == id);

    [Test]
    public void Match_ClaimsOwnTextWithChainWording_MatchesThatClaim()
    {
        var claim = Claim("tc-0001");
        var post = $"INFO PENTING!! {claim.Claim}. sudah dicek sendiri, tolong sebarkan ke grup keluarga sebelum dihapus";

        var matches = Matcher.Value.Match(post);

        Assert.That(matches, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(matches[0].Claim.Id, Is.EqualTo("tc-0001"));
            Assert.That(matches[0].Decision, Is.EqualTo(ClaimDecision.Match), $"p = {matches[0].Score}");
            Assert.That(matches.Skip(1).Select(m => m.Decision), Has.None.EqualTo(ClaimDecision.Match), "only the best can match");
        });
    }

    [Test]
    public void Match_ShortPost_IsAtMostASuggestion()
    {
        var claim = Claim("tc-0001");
        var shortPost = string.Join(' ', Matcher.Value.Normalizer.Normalize(claim.Claim).Split(' ').Take(6));

        var matches = Matcher.Value.Match(shortPost);

        Assert.That(matches.Select(m => m.Decision), Has.None.EqualTo(ClaimDecision.Match));
    }

    [Test]
    public void Match_OrdinaryPost_MatchesNothing()
    {
        var matches = Matcher.Value.Match("selamat pagi semua, jangan lupa sarapan dan semoga hari ini lancar kerjanya");

        Assert.That(matches.Select(m => m.Decision), Has.None.EqualTo(ClaimDecision.Match));
    }

    [Test]
    public void Candidates_ManyThreads_SameAsOneThread()
    {
        var posts = ClaimImport.Load(Path.Combine(RepoPaths.DataFolder, "claims", "claims.csv")).Claims.Take(60).Select(c => "katanya " + c.Claim).ToArray();
        var expected = posts.Select(p => string.Join(",", Matcher.Value.Candidates(p).Select(m => $"{m.Claim.Id}:{m.Score:F5}"))).ToArray();

        var actual = new string[posts.Length];
        Parallel.For(0, posts.Length, i => actual[i] = string.Join(",", Matcher.Value.Candidates(posts[i]).Select(m => $"{m.Claim.Id}:{m.Score:F5}")));

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Candidates_CommittedPairPosts_SameAsPairFeaturesAndMlNetEngine()
    {
        var matcher = Matcher.Value;
        var claims = ClaimImport.Load(Path.Combine(RepoPaths.DataFolder, "claims", "claims.csv")).Claims;
        var texts = claims.Select(c => matcher.Normalizer.Normalize(c.Claim)).ToArray();
        var index = Bm25ClaimIndex.Build([.. claims.Select((c, i) => (c.Id, texts[i]))]);
        var ml = new MLContext(seed: 1);
        using var engine = ml.Model.CreatePredictionEngine<DeciderRow, DeciderScore>(
            ml.Model.Load(Path.Combine(RepoPaths.Bundle("claims"), MatcherManifest.DeciderFile), out _));
        var posts = PairPosts().Select(matcher.Normalizer.Normalize).ToArray();
        var chars = new CharTfIdf(texts);

        var differing = new List<string>();
        foreach (var post in posts)
        {
            var candidates = index.Search(post, matcher.Manifest.Candidates);
            var features = PairFeatures.ComputeAll(post, texts, candidates, index, chars);
            var expected = candidates.Select((c, rank) =>
            {
                var score = new DeciderScore();
                engine.Predict(new DeciderRow { Features = features[rank] }, ref score);
                return (c.Id, score.Probability);
            }).OrderByDescending(e => e.Probability).ToList();
            var actual = matcher.CandidatesNormalized(post);
            if (!actual.Select(m => (m.Claim.Id, m.Score)).SequenceEqual(expected))
            {
                differing.Add(post);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(differing, Is.Empty, "posts whose candidates or probabilities differ");
            Assert.That(posts, Has.Length.GreaterThan(1_000));
        });
    }

    [Test]
    public void Candidates_NoClaims_ReturnsNothing()
    {
        var manifest = ModelBundle.ReadManifest(RepoPaths.DefaultModel);
        var empty = ClaimMatcher.Load(RepoPaths.Bundle("claims"), [], TextNormalizer.ForBundle(RepoPaths.DefaultModel, manifest.Normalizer));

        Assert.That(empty.Candidates("vaksin campak mengandung babi dan chip pelacak, sebarkan"), Is.Empty);
    }

    private static List<string> PairPosts()
    {
        using var reader = CsvRecordReader.Open(Path.Combine(RepoPaths.DataFolder, "claims", "pairs.csv"));
        var header = reader.ReadRecord() ?? throw new InvalidDataException("pairs.csv: empty");
        var column = Array.IndexOf(header, "post");
        var posts = new List<string>();
        while (reader.ReadRecord() is { } record)
        {
            posts.Add(record[column]);
        }

        return posts;
    }
}
