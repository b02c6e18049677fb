using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Core.Scoring;

/// <summary>
/// The bundle's text featuriser without ML.NET's row pipeline: the same vocabulary (read from the chain's slot names),
/// the same IDF weights (stored in the bundle by the trainer), the same word and character n-grams, and the same L2
/// norm (ML.NET's text featuriser normalises the word block and the character block each on its own), as
/// plain dictionary look-ups on spans of the normalised text. ML.NET spends most of a tweet's scoring time moving
/// columns between its tokenisers, key mappers and n-gram extractors; this does the same arithmetic in a few
/// microseconds. Texts it cannot reproduce exactly (characters ML.NET's own text normaliser would change, characters
/// whose slot names are ambiguous, such as UTF-16 surrogates, unless the trainer resolved every slot that has them) are
/// left to the chain: <see cref="TryFeaturize"/> says so.
/// Thread-safe: scratch buffers are per thread.
/// </summary>
internal sealed class NgramFeaturizer
{
    private const char StartMarker = '\u0002';
    private const char EndMarker = '\u0003';
    private const string WordPrefix = "Word.";
    private const string CharPrefix = "Char.";

    private readonly WordTable _words;
    // Character n-grams of up to four UTF-16 units packed into one ulong (16 bits each): a look-up hashes one number,
    // not a string. Character 0 never occurs in a text this featuriser takes, so shorter n-grams cannot collide.
    private readonly PackedNgramTable _chars;
    private readonly float[] _idf;
    private readonly bool[] _isWord;
    private readonly bool[] _safe;
    private readonly int _wordNgramLength;
    private readonly int[] _charLengths;
    private readonly int _sortPasses;

    [ThreadStatic]
    private static Scratch? _scratch;

    private const int MaxPackedLength = 4;

    private NgramFeaturizer(WordTable words, PackedNgramTable chars, float[] idf, bool[] isWord, bool[] safe, int wordNgramLength, int[] charLengths)
    {
        _isWord = isWord;
        _words = words;
        _chars = chars;
        _idf = idf;
        _safe = safe;
        _wordNgramLength = wordNgramLength;
        _charLengths = charLengths;
        _sortPasses = SlotSort.PassesFor(idf.Length);
    }

    /// <summary>Whether texts with UTF-16 surrogates (emoji) take this path: only when the trainer resolved their slots.</summary>
    public bool TakesSurrogates => _safe[0xD83D];

    /// <summary>Length of the feature vector.</summary>
    public int Size => _idf.Length;

    /// <summary>
    /// Builds the featuriser for a chain whose first step is the trainer's featuriser, or null when the bundle's
    /// settings are not ones it reproduces (only the "text" featuriser with "idf" weighting and character n-grams of at
    /// most four characters is), the weights do not
    /// fit the slots, or a slot name cannot be read back into its n-gram.
    /// </summary>
    public static NgramFeaturizer? TryCreate(MLContext ml, ITransformer featurizer, TrainerSettings settings, FeatureWeights? features)
    {
        if (features is not { Weights: var idf } || settings.Featurizer != "text" || settings.Weighting != "idf" || settings.CharNgramLength > MaxPackedLength)
        {
            return null;
        }

        var schema = featurizer.GetOutputSchema(ml.Data.LoadFromEnumerable(Array.Empty<Modeling.PostInput>()).Schema);
        if (schema.GetColumnOrNull(Modeling.ModelColumns.Features) is not { } column || column.Type is not VectorDataViewType { Size: var size } || size != idf.Length)
        {
            return null;
        }

        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        var charNames = CharNgramNames.Instance;
        var resolved = features.ResolvedCharNgrams;
        var words = new WordTable.Builder();
        var chars = new PackedNgramTable.Builder();
        var isWord = new bool[size];
        var ambiguous = 0;
        var ambiguousResolved = 0;
        var slot = 0;
        foreach (var name in names.DenseValues())
        {
            var text = name.Span;
            if (text.StartsWith(WordPrefix, StringComparison.Ordinal))
            {
                words.Add(text[WordPrefix.Length..], slot, joinedBy: '|');
                isWord[slot] = true;
            }
            else if (text.StartsWith(CharPrefix, StringComparison.Ordinal))
            {
                var ngramName = text[CharPrefix.Length..];
                if (charNames.Parse(ngramName) is { } ngram)
                {
                    AddPacked(chars, ngram, slot);
                }
                else
                {
                    // The trainer's resolution counts only when it renders back to this very name.
                    ambiguous++;
                    if (resolved is not null && resolved.TryGetValue(slot, out var found) && found.Length <= MaxPackedLength
                        && ngramName.SequenceEqual(charNames.Render(found)))
                    {
                        AddPacked(chars, found, slot);
                        ambiguousResolved++;
                    }
                }
            }
            else
            {
                return null;
            }

            slot++;
        }

        names = default; // hundreds of thousands of names for a big model: garbage from here
        // Texts with an ambiguously named unit stay with the chain unless every such slot is known.
        var safe = SafeCharacters(charNames, ambiguousNamesKnown: ambiguousResolved == ambiguous);
        int[] charLengths = settings.CharNgramLength == 0 ? []
            : settings.CharNgramAllLengths ? [.. Enumerable.Range(1, settings.CharNgramLength)]
            : [settings.CharNgramLength];
        return new NgramFeaturizer(words.Build(), chars.Build(), idf, isWord, safe, settings.WordNgramLength, charLengths);
    }

    /// <summary>
    /// The L2-normalised feature vector of a normalised text, as (slot, value) pairs in slot order, in
    /// <paramref name="slots"/> and <paramref name="values"/> (valid until this thread's next call); false when the
    /// text has a character this featuriser does not reproduce, so the caller uses the chain.
    /// </summary>
    public bool TryFeaturize(string text, out ReadOnlySpan<int> slots, out ReadOnlySpan<float> values)
    {
        slots = default;
        values = default;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!_safe[c])
            {
                return false;
            }

            // Only whole pairs were checked against ML.NET's normaliser (see SurrogatePairsUnchanged).
            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[++i])))
            {
                return false;
            }
        }

        var scratch = _scratch ??= new Scratch();
        scratch.Begin(_idf.Length, text.Length + 2);
        AddWordNgrams(text, scratch);
        AddCharNgrams(text, scratch);

        var count = scratch.Count;
        var found = scratch.Slots.AsSpan(0, count);
        SlotSort.Sort(found, scratch.SortBuffer, _sortPasses);
        var weights = scratch.Values.AsSpan(0, count);
        var wordSum = 0d;
        var charSum = 0d;
        for (var i = 0; i < count; i++)
        {
            var w = _idf[found[i]];
            weights[i] = w;
            if (_isWord[found[i]])
            {
                wordSum += (double)w * w;
            }
            else
            {
                charSum += (double)w * w;
            }
        }

        var wordScale = wordSum > 0 ? (float)(1 / Math.Sqrt(wordSum)) : 0f;
        var charScale = charSum > 0 ? (float)(1 / Math.Sqrt(charSum)) : 0f;
        for (var i = 0; i < count; i++)
        {
            weights[i] *= _isWord[found[i]] ? wordScale : charScale;
        }

        slots = found;
        values = weights;
        return true;
    }

    private void AddWordNgrams(string text, Scratch scratch)
    {
        // Word starts and ends, split on single spaces as ML.NET's word tokeniser does (empty tokens dropped).
        var starts = scratch.WordStarts;
        var ends = scratch.WordEnds;
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

        for (var w = 0; w < words; w++)
        {
            if (!_words.TryGetValue(text.AsSpan(starts[w], ends[w] - starts[w]), out var unigram))
            {
                continue;
            }

            scratch.Add(unigram);
            for (var n = 2; n <= _wordNgramLength && w + n - 1 < words; n++)
            {
                var last = w + n - 1;
                var key = SpaceJoined(text, starts, ends, w, last, scratch);
                if (_words.TryGetValue(key, out var ngram))
                {
                    scratch.Add(ngram);
                }
            }
        }
    }

    // The n-gram's words joined by single spaces, as the dictionary keys are; a slice of the text when it already is.
    private static ReadOnlySpan<char> SpaceJoined(string text, int[] starts, int[] ends, int first, int last, Scratch scratch)
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
        var buffer = scratch.Joined(text.Length);
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

    private void AddCharNgrams(string text, Scratch scratch)
    {
        if (_charLengths.Length == 0)
        {
            return;
        }

        // ML.NET's character tokeniser reads the whole text between a start and an end marker, spaces included.
        var stream = scratch.Stream;
        stream[0] = StartMarker;
        text.CopyTo(0, stream, 1, text.Length);
        stream[text.Length + 1] = EndMarker;
        var span = stream.AsSpan(0, text.Length + 2);
        foreach (var n in _charLengths)
        {
            // Rolling: shift the next character in and mask the oldest out, so the key is Pack of the last n characters.
            var mask = n == MaxPackedLength ? ulong.MaxValue : (1UL << (16 * n)) - 1;
            var key = 0UL;
            for (var i = 0; i < span.Length; i++)
            {
                key = ((key << 16) | span[i]) & mask;
                if (i + 1 >= n && _chars.TryGetValue(key, out var slot))
                {
                    scratch.Add(slot);
                }
            }
        }
    }

    // An n-gram with character 0 in it can never match (no text that takes this path has one) and would pack like a
    // shorter n-gram, or to the table's empty key: leave it out.
    private static void AddPacked(PackedNgramTable.Builder table, string ngram, int slot)
    {
        if (ngram.Length > 0 && !ngram.Contains('\0', StringComparison.Ordinal))
        {
            table.Add(Pack(ngram), slot);
        }
    }

    private static ulong Pack(ReadOnlySpan<char> ngram)
    {
        var key = 0UL;
        foreach (var c in ngram)
        {
            key = (key << 16) | c;
        }

        return key;
    }

    /// <summary>
    /// Characters a text may hold for this featuriser: ML.NET's own text normaliser (lower case, no diacritics, no
    /// punctuation) leaves them as they are, the character has a name of its own (or every ambiguous slot is resolved),
    /// and it is neither the n-gram separator '|' nor white space other than the word separator.
    /// </summary>
    private static bool[] SafeCharacters(CharNgramNames names, bool ambiguousNamesKnown)
    {
        var (unchanged, pairsUnchanged) = NormalizerIdentity.Value;
        var safe = new bool[char.MaxValue + 1];
        safe[' '] = true;
        for (var c = 1; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            if (unchanged[c] && (names.IsUnique(ch) || ambiguousNamesKnown))
            {
                safe[c] = true;
            }
        }

        if (ambiguousNamesKnown && pairsUnchanged)
        {
            safe.AsSpan(0xD800, 0xE000 - 0xD800).Fill(true);
        }

        return safe;
    }

    // What ML.NET's normaliser leaves alone is the same for every bundle: worked out once per process (a tenth of a
    // second: 65,000 probe rows), starting in the background as soon as a bundle begins to load (see StartPreparing).
    private static readonly Lazy<(bool[] Unchanged, bool PairsUnchanged)> NormalizerIdentity = new(ComputeNormalizerIdentity);

    /// <summary>Starts the one-off, bundle-independent part of <see cref="TryCreate"/> on the thread pool.</summary>
    public static void StartPreparing()
    {
        if (!NormalizerIdentity.IsValueCreated)
        {
            ThreadPool.QueueUserWorkItem(static _ => _ = NormalizerIdentity.Value);
        }
    }

    private static (bool[] Unchanged, bool PairsUnchanged) ComputeNormalizerIdentity()
    {
        var ml = new MLContext(seed: 1);
        var candidates = new List<char>();
        for (var c = 1; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            if (ch != '|' && !char.IsWhiteSpace(ch) && !char.IsControl(ch) && !char.IsSurrogate(ch))
            {
                candidates.Add(ch);
            }
        }

        // One probe row per candidate: it is kept when it comes out of ML.NET's normaliser as it went in. (A single row
        // with every candidate does not line up: the normaliser drops some characters, such as combining marks.)
        var unchanged = new bool[char.MaxValue + 1];
        var index = 0;
        foreach (var normalized in NormalizeLikeFeaturizer(ml, candidates.Select(c => c.ToString())))
        {
            var c = candidates[index++];
            unchanged[c] = normalized.Length == 1 && normalized[0] == c;
        }

        return (unchanged, SurrogatePairsUnchanged(ml));
    }

    // Surrogates are safe (in well-formed pairs, which TryFeaturize checks) when every pair of a high surrogate with
    // one low one, and of one high with every low, comes through ML.NET's normaliser unchanged.
    private static bool SurrogatePairsUnchanged(MLContext ml)
    {
        var pairs = new List<string>();
        for (var c = 0xD800; c <= 0xDBFF; c++)
        {
            pairs.Add(new string([(char)c, '\uDE00']));
        }

        for (var c = 0xDC00; c <= 0xDFFF; c++)
        {
            pairs.Add(new string(['\uD83D', (char)c]));
        }

        var probe = string.Join(' ', pairs);
        return NormalizeLikeFeaturizer(ml, [probe]).Single() == probe;
    }

    private static IEnumerable<string> NormalizeLikeFeaturizer(MLContext ml, IEnumerable<string> texts)
    {
        var data = ml.Data.LoadFromEnumerable(texts.Select(t => new Modeling.PostInput { Text = t }));
        return ml.Transforms.Text.NormalizeText("Normalized", Modeling.ModelColumns.Text,
                Microsoft.ML.Transforms.Text.TextNormalizingEstimator.CaseMode.Lower, keepDiacritics: false, keepPunctuations: false, keepNumbers: true)
            .Fit(data).Transform(data).GetColumn<ReadOnlyMemory<char>>("Normalized").Select(t => t.ToString());
    }

    private sealed class Scratch
    {
        // One bit per slot, set for the n-grams of the text being featurised: 52 KB per thread for 415,000 slots.
        private ulong[] _seen = [];
        private char[] _joined = new char[256];

        public int[] Slots { get; private set; } = new int[256];

        public float[] Values { get; private set; } = new float[256];

        /// <summary>As long as <see cref="Slots"/>: the radix sort's second array.</summary>
        public int[] SortBuffer { get; private set; } = new int[256];

        public char[] Stream { get; private set; } = new char[512];

        public int[] WordStarts { get; private set; } = new int[256];

        public int[] WordEnds { get; private set; } = new int[256];

        public int Count { get; private set; }

        public void Begin(int slotCount, int streamLength)
        {
            // The previous text's bits are cleared here, not after it, so a text that threw midway cannot leave any set.
            var words = (slotCount + 63) / 64;
            if (_seen.Length != words)
            {
                _seen = new ulong[words];
            }
            else
            {
                foreach (var slot in Slots.AsSpan(0, Count))
                {
                    _seen[slot >> 6] = 0;
                }
            }

            Count = 0;
            if (Stream.Length < streamLength)
            {
                Stream = new char[streamLength * 2];
                WordStarts = new int[streamLength];
                WordEnds = new int[streamLength];
            }
        }

        public char[] Joined(int length)
        {
            if (_joined.Length < length)
            {
                _joined = new char[length * 2];
            }

            return _joined;
        }

        // Each n-gram counts once however often it occurs ("idf" weighting is presence times IDF).
        public void Add(int slot)
        {
            ref var word = ref _seen[slot >> 6];
            var bit = 1UL << (slot & 63);
            if ((word & bit) != 0)
            {
                return;
            }

            word |= bit;
            if (Count == Slots.Length)
            {
                Slots = Resize(Slots);
                Values = Resize(Values);
                SortBuffer = new int[Slots.Length];
            }

            Slots[Count++] = slot;
        }

        private static T[] Resize<T>(T[] array)
        {
            var bigger = new T[array.Length * 2];
            array.CopyTo(bigger, 0);
            return bigger;
        }
    }
}
