using System.Buffers.Binary;

namespace HoaxScreen.Core.Modeling;

/// <summary>
/// <c>features.idf</c> in a bundle: the IDF weight of every feature slot of the bundle's text featuriser, in slot order,
/// so serving can featurise without ML.NET's row pipeline (see NgramFeaturizer). Optional: a bundle without it is
/// scored through the chain alone. Layout: the ASCII magic "HSIDF1\0\0", the slot count (int32), then one float32 per
/// slot, all little-endian.
/// </summary>
public static class FeatureWeightsFile
{
    public const string FileName = "features.idf";

    private static readonly byte[] Magic = "HSIDF1\0\0"u8.ToArray();

    public static void Write(string bundleDirectory, IReadOnlyList<float> weights)
    {
        var bytes = new byte[Magic.Length + 4 + (4 * weights.Count)];
        Magic.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(Magic.Length), weights.Count);
        for (var i = 0; i < weights.Count; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(Magic.Length + 4 + (4 * i)), weights[i]);
        }

        File.WriteAllBytes(Path.Combine(bundleDirectory, FileName), bytes);
    }

    /// <summary>The weights, or null when the bundle has no such file; a file that is there but malformed is an error.</summary>
    public static float[]? Read(string bundleDirectory)
    {
        var path = Path.Combine(bundleDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < Magic.Length + 4 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new ModelBundleException($"{path}: not a feature weights file");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length));
        if (count < 0 || bytes.Length != Magic.Length + 4 + (4L * count))
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

        return weights;
    }
}
