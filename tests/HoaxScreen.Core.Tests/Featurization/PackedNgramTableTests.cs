using HoaxScreen.Core.Featurization;

namespace HoaxScreen.Core.Tests;

/// <summary>The fast path's character n-gram index must answer as the dictionary it replaced did.</summary>
public class PackedNgramTableTests
{
    [Test]
    public void TryGetValue_ManyPackedKeys_MatchesDictionary()
    {
        // Packed n-grams of 1-4 lower-case letters: the keys share most of their bits, as real ones do.
        var random = new Random(11);
        var expected = new Dictionary<ulong, int>();
        var builder = new PackedNgramTable.Builder();
        for (var slot = 0; expected.Count < 30_000; slot++)
        {
            var key = Pack(new string([.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => (char)('a' + random.Next(26)))]));
            if (expected.TryAdd(key, slot))
            {
                builder.Add(key, slot);
            }
        }

        var table = builder.Build();

        Assert.That(table.Count, Is.EqualTo(expected.Count));
        foreach (var (key, slot) in expected)
        {
            Assert.That(table.TryGetValue(key, out var found) ? found : -1, Is.EqualTo(slot), key.ToString("x"));
        }

        var missing = new[] { Pack("zzzz"), Pack("q"), Pack("aaaz"), ulong.MaxValue }.Where(k => !expected.ContainsKey(k)).ToArray();
        Assert.That(missing, Is.Not.Empty);
        Assert.That(missing.Count(k => table.TryGetValue(k, out _)), Is.Zero);
    }

    [Test]
    public void Add_SameKeyTwice_KeepsTheLaterSlot()
    {
        var builder = new PackedNgramTable.Builder();
        builder.Add(Pack("abcd"), 3);
        builder.Add(Pack("abcd"), 9);

        var table = builder.Build();

        Assert.That(table.TryGetValue(Pack("abcd"), out var slot), Is.True);
        Assert.That(slot, Is.EqualTo(9));
        Assert.That(table.Count, Is.EqualTo(1));
    }

    [Test]
    public void Add_KeyZero_Throws()
    {
        // 0 marks an empty bucket, so storing it would make every miss look like a hit.
        Assert.That(() => new PackedNgramTable.Builder().Add(0, 1), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void TryGetValue_EmptyTable_FindsNothing()
    {
        var table = new PackedNgramTable.Builder().Build();

        Assert.That(table.TryGetValue(Pack("a"), out _), Is.False);
    }

    private static ulong Pack(string ngram) => ngram.Aggregate(0UL, (key, c) => (key << 16) | c);
}
