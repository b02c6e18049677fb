using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Text;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Training.Tests.Claims;

/// <summary>
/// The serving matcher (the committed models/claims, trained by claims train on data/claims): a post repeating a claim in other words
/// is matched to it, a short post is at most suggested, an ordinary post matches nothing, and threads agree.
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
}
