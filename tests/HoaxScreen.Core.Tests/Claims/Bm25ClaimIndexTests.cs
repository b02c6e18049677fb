using HoaxScreen.Core.Claims.Matching;

namespace HoaxScreen.Core.Tests.Claims;

/// <summary>BM25 retrieval of debunked claims for a post: scores as the formula gives them, ranking, and edge cases.</summary>
public class Bm25ClaimIndexTests
{
    private static readonly (string Id, string NormalizedText)[] Claims =
    [
        ("vaksin-chip", "vaksin campak mengandung chip pelacak"),
        ("vaksin-babi", "vaksin campak mengandung babi"),
        ("tps-libur", "tps tutup jam 10 pagi karena libur"),
        ("banjir", "banjir besar jakarta besok sore kata bmkg"),
    ];

    [Test]
    public void Search_PostRepeatingAClaim_RanksThatClaimFirst()
    {
        var index = Bm25ClaimIndex.Build(Claims);

        var found = index.Search("awas vaksin campak ada chip pelacak nya sebarkan", top: 3);

        Assert.Multiple(() =>
        {
            Assert.That(found[0].Id, Is.EqualTo("vaksin-chip"));
            Assert.That(found.Select(c => c.Id), Does.Contain("vaksin-babi"), "shares vaksin campak");
            Assert.That(found.Select(c => c.Id), Does.Not.Contain("banjir"));
            Assert.That(found.Select(c => c.Score), Is.Ordered.Descending);
        });
    }

    [Test]
    public void Search_TwoDocuments_ScoreIsTheBm25Formula()
    {
        var index = Bm25ClaimIndex.Build([("a", "x y"), ("b", "y y z w")]);

        var found = index.Search("x y", top: 2);

        // N = 2, avgdl = 3. idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5)); doc part tf·(k1+1) / (tf + k1·(1 − b + b·len/avgdl)).
        static double Idf(int df) => Math.Log(1 + ((2 - df + 0.5) / (df + 0.5)));
        static double Part(int tf, int length) => tf * 2.2 / (tf + (1.2 * (1 - 0.75 + (0.75 * length / 3.0))));
        var a = (Idf(1) * Part(1, 2)) + (Idf(2) * Part(1, 2));
        var b = Idf(2) * Part(2, 4);
        Assert.Multiple(() =>
        {
            Assert.That(found.Select(c => c.Id), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(found[0].Score, Is.EqualTo(a).Within(1e-5));
            Assert.That(found[1].Score, Is.EqualTo(b).Within(1e-5));
        });
    }

    [Test]
    public void Search_NoSharedWordOrEmptyIndex_ReturnsNothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Bm25ClaimIndex.Build(Claims).Search("selamat siang semua", top: 5), Is.Empty);
            Assert.That(Bm25ClaimIndex.Build([]).Search("vaksin", top: 5), Is.Empty);
            Assert.That(Bm25ClaimIndex.Build(Claims).Search("vaksin", top: 0), Is.Empty);
        });
    }

    [Test]
    public void Search_EqualScores_LowerIndexFirstAndAtMostTop()
    {
        var index = Bm25ClaimIndex.Build([("a", "kata sama"), ("b", "kata sama"), ("c", "kata sama")]);

        var found = index.Search("kata", top: 2);

        Assert.That(found.Select(c => c.Id), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Search_ManyThreads_SameResultsAsOneThread()
    {
        var claims = Enumerable.Range(0, 2_000).Select(i => ($"c{i}", $"klaim nomor {i % 97} tentang topik {i % 13} di kota {i % 31}")).ToArray();
        var index = Bm25ClaimIndex.Build(claims);
        var posts = Enumerable.Range(0, 400).Select(i => $"katanya topik {i % 13} di kota {i % 31} nomor {i % 97} benar").ToArray();
        var expected = posts.Select(p => string.Join(",", index.Search(p, 5).Select(c => c.Id))).ToArray();

        var actual = new string[posts.Length];
        Parallel.For(0, posts.Length, i => actual[i] = string.Join(",", index.Search(posts[i], 5).Select(c => c.Id)));

        Assert.That(actual, Is.EqualTo(expected));
    }
}
