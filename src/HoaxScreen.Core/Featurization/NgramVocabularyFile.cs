using System.Buffers.Binary;
using System.IO.Compression;
using HoaxScreen.Core.Modeling;

namespace HoaxScreen.Core.Featurization;

/// <summary>
/// <c>features.ngrams</c> in a bundle: the featuriser the classifiers of <c>model.zip</c> were trained on. Layout: the
/// ASCII magic "HSNGRAM1", then a zlib stream (n-grams in UTF-16 compress about fourfold) of, all little-endian: weighting (byte: 0 tf, 1 idf, 2 tfidf), longest word n-gram (byte), the
/// number of character n-gram lengths (byte) and each length (byte); the training documents (int32); the word and the
/// character n-gram counts (int32 each); then per n-gram, words first, its IDF (float32), its length in UTF-16 units
/// (uint16) and the units (uint16 each).
/// </summary>
public static class NgramVocabularyFile
{
    public const string FileName = "features.ngrams";

    private static readonly byte[] Magic = "HSNGRAM1"u8.ToArray();

    public static void Write(string bundleDirectory, NgramVocabulary vocabulary)
    {
        using var file = File.Create(Path.Combine(bundleDirectory, FileName));
        file.Write(Magic);
        using var stream = new ZLibStream(file, CompressionLevel.SmallestSize);
        using var writer = new BinaryWriter(stream);
        var settings = vocabulary.Settings;
        writer.Write((byte)settings.Weighting);
        writer.Write((byte)settings.WordNgramLength);
        writer.Write((byte)settings.CharNgramLengths.Count);
        foreach (var length in settings.CharNgramLengths)
        {
            writer.Write((byte)length);
        }

        writer.Write(vocabulary.Documents);
        writer.Write(vocabulary.Words.Count);
        writer.Write(vocabulary.Chars.Count);
        var slot = 0;
        foreach (var ngram in vocabulary.Words.Concat(vocabulary.Chars))
        {
            writer.Write(vocabulary.Idf[slot++]);
            writer.Write(checked((ushort)ngram.Length));
            foreach (var c in ngram)
            {
                writer.Write((ushort)c);
            }
        }
    }

    /// <summary>The featuriser stored in a bundle folder; <see cref="ModelBundleException"/> when the file is missing or malformed.</summary>
    public static NgramFeaturizer Read(string bundleDirectory)
    {
        var path = Path.Combine(bundleDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new ModelBundleException($"{path}: missing; a bundle needs the featuriser its classifiers were trained on");
        }

        try
        {
            using var file = File.OpenRead(path);
            Span<byte> magic = stackalloc byte[Magic.Length];
            if (file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) != magic.Length || !magic.SequenceEqual(Magic))
            {
                throw new FormatException("unknown header");
            }

            using var body = new MemoryStream();
            using (var zlib = new ZLibStream(file, CompressionMode.Decompress))
            {
                zlib.CopyTo(body);
            }

            return Parse(body.GetBuffer().AsSpan(0, (int)body.Length));
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException)
        {
            throw new ModelBundleException($"{path}: not a featuriser file ({(ex is InvalidDataException ? "damaged compressed data" : ex.Message)})");
        }
    }

    private static NgramFeaturizer Parse(ReadOnlySpan<byte> bytes)
    {
        var reader = new SpanReader(bytes);
        var weighting = reader.Byte();
        var wordLength = reader.Byte();
        var charLengths = new int[reader.Byte()];
        for (var i = 0; i < charLengths.Length; i++)
        {
            charLengths[i] = reader.Byte();
        }

        if (weighting > (byte)NgramWeighting.TfIdf || wordLength is < 1 or > NgramSettings.MaxWordNgramLength
            || charLengths.Any(n => n is < 1 or > NgramSettings.MaxCharNgramLength))
        {
            throw new FormatException("settings out of range");
        }

        _ = reader.Int32(); // training documents: for people reading the file; the IDFs already hold it
        var words = reader.Int32();
        var chars = reader.Int32();
        if (words < 0 || chars < 0)
        {
            throw new FormatException("negative n-gram count");
        }

        var builder = new NgramFeaturizer.Builder(new NgramSettings(wordLength, charLengths, (NgramWeighting)weighting));
        Span<char> ngram = new char[ushort.MaxValue];
        for (var i = 0; i < words + chars; i++)
        {
            var idf = reader.Single();
            var length = reader.UInt16();
            for (var k = 0; k < length; k++)
            {
                ngram[k] = (char)reader.UInt16();
            }

            if (i < words)
            {
                builder.AddWord(ngram[..length], idf);
            }
            else if (NgramFeaturizer.IsStorableCharNgram(ngram[..length]) && charLengths.Contains(length))
            {
                builder.AddChar(ngram[..length], idf);
            }
            else
            {
                throw new FormatException($"character n-gram {i - words} does not fit the settings");
            }
        }

        if (!reader.AtEnd)
        {
            throw new FormatException("bytes after the last n-gram");
        }

        return builder.Build();
    }

    private ref struct SpanReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly bool AtEnd => _at == _bytes.Length;

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (_bytes.Length - _at < count)
            {
                throw new FormatException("truncated");
            }

            var span = _bytes.Slice(_at, count);
            _at += count;
            return span;
        }

        public byte Byte() => Bytes(1)[0];

        public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2));

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Bytes(4));
    }
}
