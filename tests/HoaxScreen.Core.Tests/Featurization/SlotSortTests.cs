using HoaxScreen.Core.Featurization;

namespace HoaxScreen.Core.Tests;

/// <summary>The radix sort of feature slots must give exactly the order a comparison sort gives.</summary>
public class SlotSortTests
{
    [TestCase(1, 10)]
    [TestCase(47, 300)]
    [TestCase(48, 300)]
    [TestCase(160, 60_000)]
    [TestCase(1_500, 60_000)]
    [TestCase(400, 415_000)]
    [TestCase(5_000, 20_000_000)]
    public void Sort_DistinctSlots_MatchesSpanSort(int count, int size)
    {
        var random = new Random(count);
        var distinct = new HashSet<int>();
        while (distinct.Count < count)
        {
            distinct.Add(random.Next(size));
        }

        var slots = distinct.ToArray();
        var expected = slots.Order().ToArray();
        var buffer = new int[count];

        SlotSort.Sort(slots, buffer, SlotSort.PassesFor(size));

        Assert.That(slots, Is.EqualTo(expected));
    }

    [TestCase(1, 1)]
    [TestCase(256, 1)]
    [TestCase(257, 2)]
    [TestCase(65_536, 2)]
    [TestCase(65_537, 3)]
    [TestCase(415_000, 3)]
    [TestCase(int.MaxValue, 4)]
    public void PassesFor_VectorSize_OnePerByteOfTheLargestSlot(int size, int passes)
    {
        Assert.That(SlotSort.PassesFor(size), Is.EqualTo(passes));
    }
}
