using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Tests.Claims.Reference;

namespace HoaxScreen.Core.Tests.Claims;

/// <summary>
/// The serving features (claims held as term ids, posts marked once) against <see cref="PairFeatures.Compute(PostView, string, IReadOnlyList{ClaimCandidate}, int, float, Func{string, float})"/>,
/// which the decider was trained on: every feature of every retrieved candidate bit-identical, on real committed data.
/// </summary>
public class ClaimFeatureTableTests
{
    [Test]
    public void Compute_CandidatesOfCommittedPosts_SameFloatsAsPairFeatures()
    {
        var claims = CommittedMatchingData.ClaimTexts.Select((t, i) => ($"tc-{i}", t)).ToArray();

        AssertSameAsPairFeatures(claims, CommittedMatchingData.Posts);
    }

    [Test]
    public void Compute_CandidatesInALargeStore_SameFloatsAsPairFeatures()
    {
        var claims = CommittedMatchingData.LargeStore(20_000);
        var posts = CommittedMatchingData.Posts.Take(600)
            .Concat(claims.Skip(1_000).Take(200).Select(c => "info 2024 " + c.NormalizedText + " 17 agustus"))
            .Append("")
            .Append("x")
            .ToArray();

        AssertSameAsPairFeatures(claims, posts);
    }

    [Test]
    public void Compute_WithoutSetPostOnThisTable_Throws()
    {
        var claims = new[] { ("a", "vaksin campak mengandung chip") };
        var index = Bm25ClaimIndex.Build(claims);
        var table = new ClaimFeatureTable(index, [claims[0].Item2]);
        var other = new ClaimFeatureTable(index, [claims[0].Item2]);
        var candidates = index.Search("vaksin campak", 1);
        other.SetPost("vaksin campak");

        Assert.That(() => table.Compute(candidates, new float[PairFeatures.Count]), Throws.InvalidOperationException);
    }

    private static void AssertSameAsPairFeatures((string Id, string NormalizedText)[] claims, string[] posts)
    {
        var index = Bm25ClaimIndex.Build(claims);
        var texts = claims.Select(c => c.NormalizedText).ToArray();
        var table = new ClaimFeatureTable(index, texts);
        var chars = new CharTfIdf(texts);
        var compared = 0;
        var differing = new List<string>();
        foreach (var post in posts)
        {
            var candidates = index.Search(post, 30);
            var expected = PairFeatures.ComputeAll(post, texts, candidates, index, chars);
            var features = new float[PairFeatures.Count * candidates.Count];
            table.SetPost(post);
            table.Compute(candidates, features);
            for (var rank = 0; rank < candidates.Count; rank++)
            {
                compared++;
                for (var f = 0; f < PairFeatures.Count; f++)
                {
                    var actual = features[(rank * PairFeatures.Count) + f];
                    if (BitConverter.SingleToInt32Bits(actual) != BitConverter.SingleToInt32Bits(expected[rank][f]))
                    {
                        differing.Add($"{PairFeatures.Names[f]}: {actual:R} vs {expected[rank][f]:R} (post '{post}', claim {candidates[rank].Id})");
                    }
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(differing, Is.Empty);
            Assert.That(compared, Is.GreaterThan(posts.Length), "most posts have several candidates");
        });
    }
}
