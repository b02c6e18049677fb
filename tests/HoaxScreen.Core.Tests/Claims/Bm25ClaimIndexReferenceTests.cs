using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Tests.Claims.Reference;
using HoaxScreen.Reference;

namespace HoaxScreen.Core.Tests.Claims;

/// <summary>
/// The index's search (common words through bitmaps) against the reference walk of every posting, on real committed
/// data: the same candidates in the same order with bit-identical scores.
/// </summary>
public class Bm25ClaimIndexReferenceTests
{
    [Test]
    public void Search_CommittedClaims_SameCandidatesAndScoresAsReference()
    {
        var claims = CommittedMatchingData.ClaimTexts.Select((t, i) => ($"tc-{i}", t)).ToArray();

        AssertSameAsReference(claims, CommittedMatchingData.Posts, top: 10);
    }

    [Test]
    public void Search_LargeStoreWithCommonWords_SameCandidatesAndScoresAsReference()
    {
        // 20,000 claims: words in more than 1,000 of them (yang, di, dan, ...) take the common-word path, and the
        // claims span two scoring blocks.
        var claims = CommittedMatchingData.LargeStore(20_000);
        var posts = CommittedMatchingData.Posts.Concat(claims.Take(300).Select(c => "katanya " + c.NormalizedText + " sebarkan")).ToArray();
        var commonWords = claims.SelectMany(c => c.NormalizedText.Split(' ').Distinct()).CountBy(w => w).Count(w => w.Value > Bm25ClaimIndex.MinCommonDocuments);

        Assert.That(commonWords, Is.GreaterThan(5), "words in more than 1,000 claims");
        AssertSameAsReference(claims, posts, top: 10);
        AssertSameAsReference(claims, posts.Take(200).ToArray(), top: 1);
    }

    private static void AssertSameAsReference((string Id, string NormalizedText)[] claims, string[] posts, int top)
    {
        var index = Bm25ClaimIndex.Build(claims);
        var reference = LegacyBm25ClaimIndex.Build(claims);

        var differing = posts.Where(p => !index.Search(p, top).SequenceEqual(reference.Search(p, top))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(differing, Is.Empty, "posts whose candidates (index, id, score bits) differ from the reference");
            Assert.That(posts.Count(p => index.Search(p, top).Count > 0), Is.GreaterThan(posts.Length / 2), "most posts find candidates");
        });
    }
}
