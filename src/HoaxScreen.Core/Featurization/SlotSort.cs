namespace HoaxScreen.Core.Featurization;

/// <summary>
/// Sorts a post's feature slots (distinct, non-negative, below the vector's size) into slot order. A least-significant-
/// digit radix sort, a byte per pass: no comparisons, so none of the branch misses that made the introsort of
/// <c>Span.Sort</c> a fifth of a tweet's scoring time. Short spans keep <c>Span.Sort</c>, which wins below a few dozen keys.
/// </summary>
internal static class SlotSort
{
    private const int RadixFrom = 48;

    /// <summary>Passes needed for slots below <paramref name="size"/>: one per byte of the largest slot.</summary>
    public static int PassesFor(int size)
    {
        var passes = 1;
        while (passes < 4 && (size - 1) >> (8 * passes) != 0)
        {
            passes++;
        }

        return passes;
    }

    /// <param name="buffer">At least as long as <paramref name="slots"/>; its contents are overwritten.</param>
    public static void Sort(Span<int> slots, Span<int> buffer, int passes)
    {
        if (slots.Length < RadixFrom)
        {
            slots.Sort();
            return;
        }

        Span<int> starts = stackalloc int[256];
        var source = slots;
        var target = buffer[..slots.Length];
        for (var pass = 0; pass < passes; pass++)
        {
            var shift = 8 * pass;
            starts.Clear();
            foreach (var slot in source)
            {
                starts[(slot >> shift) & 0xFF]++;
            }

            var sum = 0;
            for (var digit = 0; digit < starts.Length; digit++)
            {
                var count = starts[digit];
                starts[digit] = sum;
                sum += count;
            }

            foreach (var slot in source)
            {
                target[starts[(slot >> shift) & 0xFF]++] = slot;
            }

            var sorted = target;
            target = source;
            source = sorted;
        }

        // After an odd number of passes the sorted keys are in the buffer.
        if (passes % 2 == 1)
        {
            source.CopyTo(slots);
        }
    }
}
