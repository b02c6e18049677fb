namespace HoaxScreen.Core.Claims.Matching;

/// <summary>
/// What the match decider sees of one (post, candidate claim) pair, both normalised: how much of the claim the post
/// covers, how alike their characters are, whether their numbers agree, their lengths, and where the candidate stands
/// among the others retrieved for the post. Lexical evidence only: two posts about the same topic with different
/// facts (another date, another number, another place) must come out apart.
/// </summary>
public static class PairFeatures
{
    /// <summary>How many features a pair has (the length of <see cref="Names"/>).</summary>
    public const int Count = 18;

    /// <summary>Feature names, in the order of <see cref="Compute"/>'s vector.</summary>
    public static readonly string[] Names =
    [
        "bm25", "bm25_of_self", "rank", "gap_to_next", "share_of_top", "claim_words_covered", "post_words_in_claim",
        "char_trigram_dice", "numbers_shared", "claim_numbers_missing", "post_words", "claim_words", "length_ratio_log",
        "claim_idf_missing", "post_idf_not_in_claim", "char_tfidf_cosine", "char_cosine_rank", "char_cosine_gap",
    ];

    /// <summary>The features of every candidate of a post, best first (what training and the reference paths use).</summary>
    /// <param name="post">The post's normalised text.</param>
    /// <param name="normalizedClaims">The claims the index was built from (same order).</param>
    /// <param name="candidates">Every candidate retrieved for the post, best first.</param>
    /// <param name="index">The claims' BM25 index (scores, IDF).</param>
    /// <param name="chars">The claims' character TF-IDF.</param>
    public static float[][] ComputeAll(
        string post, IReadOnlyList<string> normalizedClaims, IReadOnlyList<ClaimCandidate> candidates, Bm25ClaimIndex index, CharTfIdf chars)
    {
        var view = PostView.Of(post);
        var cosines = CharCosines(chars, post, [.. candidates.Select(c => normalizedClaims[c.Index])]);
        var rows = new float[candidates.Count][];
        for (var rank = 0; rank < candidates.Count; rank++)
        {
            var claim = candidates[rank].Index;
            rows[rank] = Compute(view, normalizedClaims[claim], candidates, rank, index.SelfScore(claim), index.Idf, cosines);
        }

        return rows;
    }

    /// <summary>The character TF-IDF cosine of the post with each candidate claim, in order.</summary>
    public static float[] CharCosines(CharTfIdf chars, string post, IReadOnlyList<string> candidateClaims)
    {
        var postVector = chars.Of(post);
        return [.. candidateClaims.Select(c => CharTfIdf.Cosine(postVector, chars.Of(c)))];
    }

    /// <summary>The features of <paramref name="candidates"/>[<paramref name="rank"/>] for a post.</summary>
    /// <param name="post">The post, taken apart once for all its candidates.</param>
    /// <param name="claim">The candidate claim's normalised text.</param>
    /// <param name="candidates">Every candidate retrieved for the post, best first.</param>
    /// <param name="rank">The candidate's position among them.</param>
    /// <param name="claimSelfScore">The claim's BM25 score against itself (its best possible score), for scale.</param>
    /// <param name="idf">A word's IDF among the claims (0 for a word none has): what a missing or extra word weighs.</param>
    /// <param name="charCosines">Every candidate's <see cref="CharCosines"/>, in the candidates' order.</param>
    public static float[] Compute(
        PostView post, string claim, IReadOnlyList<ClaimCandidate> candidates, int rank, float claimSelfScore, Func<string, float> idf,
        IReadOnlyList<float> charCosines)
    {
        var postWordCount = post.WordCount;
        var claimWords = Words(claim);
        var postSet = post.Words;
        var claimSet = claimWords.ToHashSet(StringComparer.Ordinal);
        var claimCovered = claimSet.Count == 0 ? 0f : claimSet.Count(postSet.Contains) / (float)claimSet.Count;
        var postInClaim = postSet.Count == 0 ? 0f : postSet.Count(claimSet.Contains) / (float)postSet.Count;

        var postNumbers = postSet.Where(IsNumber).ToHashSet(StringComparer.Ordinal);
        var claimNumbers = claimSet.Where(IsNumber).ToList();
        var numbersShared = claimNumbers.Count(postNumbers.Contains);
        var numbersMissing = claimNumbers.Count - numbersShared;

        // Details that differ weigh by how rare they are: a claim's rare word missing from the post (another bridge, another
        // vaccine), or a rare claim word in the post that this claim lacks (the detail that was swapped in).
        var claimMass = claimSet.Sum(idf);
        var claimMissing = claimMass <= 0 ? 0f : claimSet.Where(w => !postSet.Contains(w)).Sum(idf) / claimMass;
        var postMass = postSet.Sum(idf);
        var postExtra = postMass <= 0 ? 0f : postSet.Where(w => !claimSet.Contains(w)).Sum(idf) / postMass;

        var score = candidates[rank].Score;
        var next = rank + 1 < candidates.Count ? candidates[rank + 1].Score : 0f;
        var top = candidates[0].Score;
        return
        [
            score,
            claimSelfScore <= 0 ? 0f : score / claimSelfScore,
            rank,
            score - next,
            top <= 0 ? 0f : score / top,
            claimCovered,
            postInClaim,
            Dice(post.Trigrams, Trigrams(claim)),
            numbersShared,
            numbersMissing,
            postWordCount,
            claimWords.Length,
            (float)Math.Log((postWordCount + 1.0) / (claimWords.Length + 1.0)),
            claimMissing,
            postExtra,
            charCosines[rank],
            charCosines.Count(c => c > charCosines[rank]),
            charCosines[rank] - charCosines.Where((_, i) => i != rank).DefaultIfEmpty(0f).Max(),
        ];
    }

    /// <summary>Dice coefficient of the two texts' sets of character trigrams (spaces included, so word edges count).</summary>
    public static float TrigramDice(string a, string b) => Dice(Trigrams(a), Trigrams(b));

    private static float Dice(HashSet<string> left, HashSet<string> right)
    {
        if (left.Count == 0 && right.Count == 0)
        {
            return 0f;
        }

        var shared = left.Count(right.Contains);
        return 2f * shared / (left.Count + right.Count);
    }

    internal static HashSet<string> Trigrams(string text)
    {
        var padded = " " + text + " ";
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            grams.Add(padded.Substring(i, 3));
        }

        return grams;
    }

    internal static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool IsNumber(string word) => word.Any(char.IsAsciiDigit);
}
