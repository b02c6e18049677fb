using System.Numerics;

namespace HoaxScreen.Core.Claims.Matching;

public sealed partial class Bm25ClaimIndex
{
    /// <summary>
    /// The words in more claims than the common limit, each as a bitmap over the claims (bit d: claim d has the word)
    /// with the count of set bits before each 64-bit word, so a claim's place in the word's postings (sorted by claim)
    /// is a popcount away. A common word only adds to the claims a rarer word found: the AND of its bitmap with the
    /// bitmap of those claims names exactly the claims to add to, 64 at a time, where walking its tens of thousands
    /// of postings would test each.
    /// </summary>
    private sealed class CommonWords
    {
        private readonly int _words;
        private readonly int[] _slots;
        private readonly ulong[] _bits;
        private readonly int[] _ranks;

        public CommonWords(int documents, int[] offsets, int[] postingDocs, int common)
        {
            _words = (documents + 63) / 64;
            var terms = offsets.Length - 1;
            _slots = new int[terms];
            var count = 0;
            for (var t = 0; t < terms; t++)
            {
                _slots[t] = offsets[t + 1] - offsets[t] > common ? count++ : -1;
            }

            _bits = new ulong[count * _words];
            _ranks = new int[count * _words];
            for (var t = 0; t < terms; t++)
            {
                if (_slots[t] < 0)
                {
                    continue;
                }

                var first = _slots[t] * _words;
                for (var p = offsets[t]; p < offsets[t + 1]; p++)
                {
                    _bits[first + (postingDocs[p] >> 6)] |= 1UL << postingDocs[p];
                }

                var before = 0;
                for (var w = 0; w < _words; w++)
                {
                    _ranks[first + w] = before;
                    before += BitOperations.PopCount(_bits[first + w]);
                }
            }
        }

        /// <summary>
        /// Adds <paramref name="idf"/> times the term's weight (its posting at <paramref name="offset"/> plus the claim's
        /// rank) to the score of every claim found so far that has the term, among the claims of bitmap words
        /// <paramref name="from"/> to <paramref name="to"/> (exclusive): the current block, whose word
        /// <paramref name="from"/> is the scratch's word 0.
        /// </summary>
        public void AddTo(int term, float idf, int offset, float[] postingWeights, Scratch scratch, int from, int to)
        {
            var first = _slots[term] * _words;
            var bits = _bits.AsSpan(first, _words);
            var ranks = _ranks.AsSpan(first, _words);
            var found = scratch.Found;
            var scores = scratch.Scores;
            for (var w = from; w < to; w++)
            {
                var word = bits[w];
                var local = w - from;
                var hits = word & found[local];
                while (hits != 0)
                {
                    var b = BitOperations.TrailingZeroCount(hits);
                    var rank = ranks[w] + BitOperations.PopCount(word & ((1UL << b) - 1));
                    scores[(local << 6) + b] += idf * postingWeights[offset + rank];
                    hits &= hits - 1;
                }
            }
        }
    }
}
