namespace HoaxScreen.Core.Featurization;

/// <summary>The words of a normalised text (split on spaces, empty ones dropped) and their n-grams joined by single spaces.</summary>
public static class WordSpans
{
    /// <summary>Fills the start and end of each word (arrays at least as long as the text) and returns how many there are.</summary>
    public static int Find(string text, int[] starts, int[] ends)
    {
        var words = 0;
        for (var i = 0; i < text.Length;)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && text[i] != ' ')
            {
                i++;
            }

            starts[words] = start;
            ends[words] = i;
            words++;
        }

        return words;
    }

    /// <summary>Words <paramref name="first"/>..<paramref name="last"/> joined by single spaces: a slice of the text when they already are, else copied into <paramref name="buffer"/>.</summary>
    public static ReadOnlySpan<char> Joined(string text, int[] starts, int[] ends, int first, int last, char[] buffer)
    {
        var contiguous = true;
        for (var k = first; k < last && contiguous; k++)
        {
            contiguous = starts[k + 1] == ends[k] + 1;
        }

        if (contiguous)
        {
            return text.AsSpan(starts[first], ends[last] - starts[first]);
        }

        var length = 0;
        for (var k = first; k <= last; k++)
        {
            if (k > first)
            {
                buffer[length++] = ' ';
            }

            text.AsSpan(starts[k], ends[k] - starts[k]).CopyTo(buffer.AsSpan(length));
            length += ends[k] - starts[k];
        }

        return buffer.AsSpan(0, length);
    }
}
