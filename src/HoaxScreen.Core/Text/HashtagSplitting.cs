namespace HoaxScreen.Core.Text;

/// <summary>
/// Stage 2, hashtags: #TolakHoaks → tolak hoaks. Splits at case changes, letter/digit changes and underscores, then an
/// all-one-case part the lexicon does not know into known words.
/// </summary>
internal static class HashtagSplitting
{
    /// <summary>Adds the word pieces of the hashtag whose text (after the '#') is <c>s[start..end)</c>.</summary>
    public static void AddHashtag(string s, int start, int end, NormalizerSettings settings, Lexicon lexicon, List<Piece> pieces)
    {
        if (!settings.SplitHashtags)
        {
            pieces.Add(new Piece(PieceKind.Word, start, end));
            return;
        }

        var parts = new List<(int Start, int End)>();
        var partStart = start;
        for (var i = start + 1; i <= end; i++)
        {
            var boundary = i == end || s[i] == '_'
                || (char.IsLower(s[i - 1]) && char.IsUpper(s[i]))
                || (char.IsLetter(s[i - 1]) != char.IsLetter(s[i]) && s[i - 1] != '_')
                || (i + 1 < end && char.IsUpper(s[i - 1]) && char.IsUpper(s[i]) && char.IsLower(s[i + 1]));
            if (boundary)
            {
                if (i > partStart && s[partStart] != '_')
                {
                    parts.Add((partStart, i));
                }

                partStart = i < end && s[i] == '_' ? i + 1 : i;
            }
        }

        foreach (var (partFrom, partTo) in parts)
        {
            var segments = partTo - partFrom >= 6 && !lexicon.IsKnown(s.AsSpan(partFrom, partTo - partFrom).ToString().ToLowerInvariant())
                ? WordSegmentation.Segment(s.Substring(partFrom, partTo - partFrom).ToLowerInvariant(), lexicon)
                : null;
            if (segments is null)
            {
                pieces.Add(new Piece(PieceKind.Word, partFrom, partTo));
                continue;
            }

            var offset = partFrom;
            foreach (var length in segments)
            {
                pieces.Add(new Piece(PieceKind.Word, offset, offset + length));
                offset += length;
            }
        }
    }
}
