using HoaxScreen.Core.Featurization;

namespace HoaxScreen.Core.Tests;

/// <summary>The fast path's word n-gram index must answer as the dictionary it replaced did.</summary>
public class WordTableTests
{
    [Test]
    public void TryGetValue_ManyKeys_MatchesDictionary()
    {
        // Keys that share prefixes and lengths, as a vocabulary's do.
        var random = new Random(7);
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        var builder = new WordTable.Builder();
        for (var slot = 0; expected.Count < 20_000; slot++)
        {
            var key = new string([.. Enumerable.Range(0, random.Next(1, 9)).Select(_ => (char)('a' + random.Next(6)))]);
            if (expected.TryAdd(key, slot))
            {
                builder.Add(key, slot);
            }
        }

        var table = builder.Build();

        Assert.That(table.Count, Is.EqualTo(expected.Count));
        foreach (var (key, slot) in expected)
        {
            Assert.That(table.TryGetValue(key, out var found) ? found : -1, Is.EqualTo(slot), key);
        }

        var missing = new[] { "", "aaaaaaaaa", "g", "abz", "bbbbbbbbbbbbb" }.Where(k => !expected.ContainsKey(k)).ToArray();
        Assert.That(missing.Count(k => table.TryGetValue(k, out _)), Is.Zero);
    }

    [Test]
    public void Add_NameJoinedByBar_LooksUpJoinedBySpace()
    {
        var builder = new WordTable.Builder();
        builder.Add("info|valid", 4, joinedBy: '|');
        builder.Add("info", 2, joinedBy: '|');
        var table = builder.Build();

        Assert.That(table.TryGetValue("info valid", out var bigram), Is.True);
        Assert.That(bigram, Is.EqualTo(4));
        Assert.That(table.TryGetValue("info|valid", out _), Is.False);
        Assert.That(table.TryGetValue("info valid".AsSpan(0, 4), out var unigram) && unigram == 2, Is.True, "a slice of a longer text");
    }

    [Test]
    public void Build_KeyAddedTwice_TakesLaterSlot()
    {
        var builder = new WordTable.Builder();
        builder.Add("hoaks", 1);
        builder.Add("hoaks", 9);

        Assert.That(builder.Build().TryGetValue("hoaks", out var slot) ? slot : -1, Is.EqualTo(9));
    }

    [Test]
    public void TryGetValue_EmptyTable_FindsNothing()
    {
        Assert.That(new WordTable.Builder().Build().TryGetValue("apa", out _), Is.False);
    }
}
