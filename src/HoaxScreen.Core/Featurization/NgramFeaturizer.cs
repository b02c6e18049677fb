namespace HoaxScreen.Core.Featurization;

/// <summary>
/// The one text featuriser, used by training (the vectors ML.NET's trainers fit) and by serving alike: a normalised
/// text becomes a sparse vector of word n-grams (slots 0..<see cref="WordSlots"/>-1) and character n-grams (the rest),
/// each weighted by <see cref="NgramSettings.Weighting"/>, each block L2-normalised on its own. N-grams outside the
/// vocabulary fitted on the training texts are ignored. Look-ups are on spans of the text (no string per n-gram), so a
/// tweet takes a few microseconds. Immutable and thread-safe: scratch buffers are per thread.
/// </summary>
public sealed class NgramFeaturizer
{
    /// <summary>Marks the start of the text for character n-grams.</summary>
    public const char StartMarker = '\u0002';

    /// <summary>Marks the end of the text for character n-grams.</summary>
    public const char EndMarker = '\u0003';

    // Character n-grams of up to four UTF-16 units are packed into one ulong (16 bits each): a look-up hashes one number,
    // not a string. Longer ones go through a span-keyed table.
    private const int MaxPackedLength = 4;

    private readonly WordTable _words;
    private readonly PackedNgramTable _chars;
    private readonly WordTable _longChars;
    private readonly float[] _idf;
    private readonly int _sortPasses;
    // Copies of the settings the per-post loops read: an array and plain fields, no interface calls per post.
    private readonly int[] _charLengths;
    private readonly int _wordNgramLength;
    private readonly NgramWeighting _weighting;

    [ThreadStatic]
    private static Scratch? _scratch;

    private NgramFeaturizer(NgramSettings settings, WordTable words, PackedNgramTable chars, WordTable longChars, float[] idf, int wordSlots)
    {
        Settings = settings;
        _words = words;
        _chars = chars;
        _longChars = longChars;
        _idf = idf;
        WordSlots = wordSlots;
        _sortPasses = SlotSort.PassesFor(idf.Length);
        _charLengths = [.. settings.CharNgramLengths];
        _wordNgramLength = settings.WordNgramLength;
        _weighting = settings.Weighting;
    }

    public NgramSettings Settings { get; }

    /// <summary>Length of the feature vector.</summary>
    public int Size => _idf.Length;

    /// <summary>The inverse document frequency of a slot in the base's training corpus (adaptation penalises common n-grams more).</summary>
    public float Idf(int slot) => _idf[slot];

    /// <summary>How many slots are word n-grams (they come first).</summary>
    public int WordSlots { get; }

    /// <summary>
    /// The feature vector of a normalised text as (slot, value) pairs in slot order, in <paramref name="slots"/> and
    /// <paramref name="values"/>, valid until this thread's next call.
    /// </summary>
    public void Featurize(string text, out ReadOnlySpan<int> slots, out ReadOnlySpan<float> values)
    {
        var scratch = _scratch ??= new Scratch();
        var counting = _weighting != NgramWeighting.Idf;
        scratch.Begin(_idf.Length, text.Length + 2, counting);
        AddWordNgrams(text, scratch);
        AddCharNgrams(text, scratch);

        var found = scratch.Slots.AsSpan(0, scratch.Count);
        SlotSort.Sort(found, scratch.SortBuffer, _sortPasses);
        var count = counting ? CountRuns(found, scratch.Values) : found.Length;
        found = found[..count];
        var weights = scratch.Values.AsSpan(0, count);
        var wordSum = 0d;
        var charSum = 0d;
        var wordSlots = WordSlots;
        for (var i = 0; i < count; i++)
        {
            var w = _weighting switch
            {
                NgramWeighting.Idf => _idf[found[i]],
                NgramWeighting.Tf => weights[i],
                _ => weights[i] * _idf[found[i]],
            };
            weights[i] = w;
            if (found[i] < wordSlots)
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
            weights[i] *= found[i] < wordSlots ? wordScale : charScale;
        }

        slots = found;
        values = weights;
    }

    // Sorted slots with repeats → distinct slots, each run's length in counts.
    private static int CountRuns(Span<int> sorted, float[] counts)
    {
        var distinct = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (distinct > 0 && sorted[distinct - 1] == sorted[i])
            {
                counts[distinct - 1]++;
                continue;
            }

            sorted[distinct] = sorted[i];
            counts[distinct++] = 1;
        }

        return distinct;
    }

    private void AddWordNgrams(string text, Scratch scratch)
    {
        var starts = scratch.WordStarts;
        var ends = scratch.WordEnds;
        var words = WordSpans.Find(text, starts, ends);
        for (var w = 0; w < words; w++)
        {
            // An n-gram whose first word is unknown is unknown too: every n-gram of the vocabulary was seen whole.
            if (!_words.TryGetValue(text.AsSpan(starts[w], ends[w] - starts[w]), out var unigram))
            {
                continue;
            }

            scratch.Add(unigram);
            for (var n = 2; n <= _wordNgramLength && w + n - 1 < words; n++)
            {
                if (_words.TryGetValue(WordSpans.Joined(text, starts, ends, w, w + n - 1, scratch.JoinBuffer(text.Length)), out var ngram))
                {
                    scratch.Add(ngram);
                }
            }
        }
    }

    private void AddCharNgrams(string text, Scratch scratch)
    {
        if (_charLengths.Length == 0)
        {
            return;
        }

        var stream = scratch.MarkedText(text);
        foreach (var n in _charLengths)
        {
            if (n > MaxPackedLength)
            {
                for (var i = 0; i + n <= stream.Length; i++)
                {
                    if (_longChars.TryGetValue(stream.Slice(i, n), out var slot))
                    {
                        scratch.Add(slot);
                    }
                }

                continue;
            }

            // Rolling: shift the next character in and mask the oldest out, so the key is Pack of the last n characters.
            // An n-gram holding character 0 would pack like a shorter one, so none is looked up (nor put in the vocabulary).
            var mask = n == MaxPackedLength ? ulong.MaxValue : (1UL << (16 * n)) - 1;
            var key = 0UL;
            var lastZero = -n;
            for (var i = 0; i < stream.Length; i++)
            {
                key = ((key << 16) | stream[i]) & mask;
                if (stream[i] == '\0')
                {
                    lastZero = i;
                }

                if (i + 1 >= n && i - lastZero >= n && _chars.TryGetValue(key, out var slot))
                {
                    scratch.Add(slot);
                }
            }
        }
    }

    /// <summary>The text between the start and end markers, as character n-grams see it, in <paramref name="buffer"/> (at least the text's length + 2).</summary>
    public static ReadOnlySpan<char> Marked(string text, char[] buffer)
    {
        buffer[0] = StartMarker;
        text.CopyTo(0, buffer, 1, text.Length);
        buffer[text.Length + 1] = EndMarker;
        return buffer.AsSpan(0, text.Length + 2);
    }

    /// <summary>Whether a character n-gram can be in the vocabulary (it has no character 0; see <see cref="AddCharNgrams"/>).</summary>
    public static bool IsStorableCharNgram(ReadOnlySpan<char> ngram) => ngram.Length > 0 && !ngram.Contains('\0');

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
    /// Collects the vocabulary, word n-grams first (joined by single spaces), then character n-grams, each with its IDF;
    /// slots are given in the order of adding.
    /// </summary>
    public sealed class Builder(NgramSettings settings)
    {
        private readonly WordTable.Builder _words = new();
        private readonly PackedNgramTable.Builder _chars = new();
        private readonly WordTable.Builder _longChars = new();
        private readonly List<float> _idf = [];
        private int _wordSlots;

        public void AddWord(ReadOnlySpan<char> ngram, float idf)
        {
            if (_idf.Count > _wordSlots)
            {
                throw new InvalidOperationException("word n-grams must all come before character n-grams");
            }

            _words.Add(ngram, _idf.Count);
            _idf.Add(idf);
            _wordSlots++;
        }

        public void AddChar(ReadOnlySpan<char> ngram, float idf)
        {
            if (!IsStorableCharNgram(ngram) || !settings.CharNgramLengths.Contains(ngram.Length))
            {
                throw new ArgumentException($"a character {ngram.Length}-gram does not fit these settings", nameof(ngram));
            }

            if (ngram.Length > MaxPackedLength)
            {
                _longChars.Add(ngram, _idf.Count, joinedBy: '\0');
            }
            else
            {
                _chars.Add(Pack(ngram), _idf.Count);
            }

            _idf.Add(idf);
        }

        public NgramFeaturizer Build() =>
            new(settings, _words.Build(), _chars.Build(), _longChars.Build(), [.. _idf], _wordSlots);
    }

    private sealed class Scratch
    {
        // One bit per slot, set for the n-grams of the text being featurised ("idf" weighting counts each once):
        // 52 KB per thread for 415,000 slots.
        private ulong[] _seen = [];
        private bool _counting;
        private char[] _joined = new char[256];
        private char[] _stream = new char[512];

        public int[] Slots { get; private set; } = new int[256];

        /// <summary>As long as <see cref="Slots"/>: the values, and the counts while counting.</summary>
        public float[] Values { get; private set; } = new float[256];

        /// <summary>As long as <see cref="Slots"/>: the radix sort's second array.</summary>
        public int[] SortBuffer { get; private set; } = new int[256];

        public int[] WordStarts { get; private set; } = new int[256];

        public int[] WordEnds { get; private set; } = new int[256];

        public int Count { get; private set; }

        public void Begin(int slotCount, int streamLength, bool counting)
        {
            // The previous text's bits are cleared here, not after it, so a text that threw midway cannot leave any set.
            var words = (slotCount + 63) / 64;
            if (_seen.Length != words)
            {
                _seen = new ulong[words];
            }
            else if (!_counting)
            {
                foreach (var slot in Slots.AsSpan(0, Count))
                {
                    _seen[slot >> 6] = 0;
                }
            }

            _counting = counting;
            Count = 0;
            if (_stream.Length < streamLength)
            {
                _stream = new char[streamLength * 2];
                WordStarts = new int[streamLength];
                WordEnds = new int[streamLength];
            }
        }

        public ReadOnlySpan<char> MarkedText(string text) => Marked(text, _stream);

        public char[] JoinBuffer(int length)
        {
            if (_joined.Length < length)
            {
                _joined = new char[length * 2];
            }

            return _joined;
        }

        public void Add(int slot)
        {
            if (!_counting)
            {
                ref var word = ref _seen[slot >> 6];
                var bit = 1UL << (slot & 63);
                if ((word & bit) != 0)
                {
                    return;
                }

                word |= bit;
            }

            if (Count == Slots.Length)
            {
                Slots = Resize(Slots);
                Values = new float[Slots.Length];
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
