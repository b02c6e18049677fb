using System.Buffers.Binary;

namespace HoaxScreen.Core.Modeling;

/// <summary>
/// What serving needs to featurise without ML.NET's row pipeline (see NgramFeaturizer): the IDF weight of every
/// feature slot, in slot order, and the character n-grams of the slots whose names are ambiguous (those with UTF-16
/// surrogates, found by the trainer). <paramref name="ResolvedCharNgrams"/> is null when the trainer could not resolve
/// them (or the bundle predates them): texts with such characters are then scored through the chain.
/// </summary>
public sealed record FeatureWeights(float[] Weights, IReadOnlyDictionary<int, string>? ResolvedCharNgrams);

/// <summary>
/// <c>features.idf</c> in a bundle (see <see cref="FeatureWeights"/>). Optional: a bundle without it is scored through
/// the chain alone. Layout, all little-endian: the ASCII magic "HSIDF2\0\0", the slot count (int32), one float32 per
/// slot; then the resolved n-gram count (int32, -1 for "not resolved"), and per n-gram its slot (int32), its length
/// in UTF-16 units (uint16) and the units (uint16 each). Files with the magic "HSIDF1\0\0" end after the weights.
/// </summary>
public static class FeatureWeightsFile
{
    public const string FileName = "features.idf";

    private const int MaxNgramLength = 64;
    private static readonly byte[] Magic = "HSIDF2\0\0"u8.ToArray();
    private static readonly byte[] MagicV1 = "HSIDF1\0\0"u8.ToArray();

    public static void Write(string bundleDirectory, FeatureWeights features)
    {
        using var stream = File.Create(Path.Combine(bundleDirectory, FileName));
        using var writer = new BinaryWriter(stream);
        writer.Write(Magic);
        writer.Write(features.Weights.Length);
        foreach (var weight in features.Weights)
        {
            writer.Write(weight);
        }

        if (features.ResolvedCharNgrams is not { } ngrams)
        {
            writer.Write(-1);
            return;
        }

        writer.Write(ngrams.Count);
        foreach (var (slot, ngram) in ngrams.OrderBy(p => p.Key))
        {
            writer.Write(slot);
            writer.Write((ushort)ngram.Length);
            foreach (var c in ngram)
            {
                writer.Write((ushort)c);
            }
        }
    }

    /// <summary>The contents, or null when the bundle has no such file; a file that is there but malformed is an error.</summary>
    public static FeatureWeights? Read(string bundleDirectory)
    {
        var path = Path.Combine(bundleDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var version = bytes.Length < Magic.Length ? 0
            : bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic) ? 2
            : bytes.AsSpan(0, Magic.Length).SequenceEqual(MagicV1) ? 1
            : 0;
        if (version == 0 || bytes.Length < Magic.Length + 4)
        {
            throw new ModelBundleException($"{path}: not a feature weights file");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length));
        var weightsEnd = Magic.Length + 4 + (4L * count);
        if (count < 0 || (version == 1 ? bytes.Length != weightsEnd : bytes.Length < weightsEnd + 4))
        {
            throw new ModelBundleException($"{path}: truncated or oversized ({bytes.Length} bytes for {count} weights)");
        }

        var weights = new float[count];
        for (var i = 0; i < count; i++)
        {
            weights[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(Magic.Length + 4 + (4 * i)));
            if (!float.IsFinite(weights[i]) || weights[i] < 0)
            {
                throw new ModelBundleException($"{path}: weight {i} is {weights[i]}, not a finite non-negative number");
            }
        }

        return new FeatureWeights(weights, version == 1 ? null : ReadNgrams(path, bytes.AsSpan((int)weightsEnd), count));
    }

    private static Dictionary<int, string>? ReadNgrams(string path, ReadOnlySpan<byte> bytes, int slotCount)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var position = 4;
        if (count == -1 && bytes.Length == position)
        {
            return null;
        }

        if (count < 0 || count > slotCount)
        {
            throw new ModelBundleException($"{path}: {count} resolved n-grams for {slotCount} slots");
        }

        var ngrams = new Dictionary<int, string>(count);
        for (var i = 0; i < count; i++)
        {
            if (bytes.Length < position + 6)
            {
                throw new ModelBundleException($"{path}: truncated after {i} of {count} resolved n-grams");
            }

            var slot = BinaryPrimitives.ReadInt32LittleEndian(bytes[position..]);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(position + 4)..]);
            position += 6;
            if (slot < 0 || slot >= slotCount || length is 0 or > MaxNgramLength || bytes.Length < position + (2 * length))
            {
                throw new ModelBundleException($"{path}: resolved n-gram {i} (slot {slot}, {length} units) does not fit the file");
            }

            var units = new char[length];
            for (var k = 0; k < length; k++)
            {
                units[k] = (char)BinaryPrimitives.ReadUInt16LittleEndian(bytes[(position + (2 * k))..]);
            }

            position += 2 * length;
            if (!ngrams.TryAdd(slot, new string(units)))
            {
                throw new ModelBundleException($"{path}: slot {slot} is resolved twice");
            }
        }

        if (position != bytes.Length)
        {
            throw new ModelBundleException($"{path}: {bytes.Length - position} bytes after the resolved n-grams");
        }

        return ngrams;
    }
}
