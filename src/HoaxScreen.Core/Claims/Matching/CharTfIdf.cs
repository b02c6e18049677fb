namespace HoaxScreen.Core.Claims.Matching;

/// <summary>
/// The readable TF-IDF cosine over <see cref="CharNgrams"/> that the decider is trained with (the serving path,
/// <see cref="ClaimFeatureTable"/>, must give the same floats): IDF from the matcher's claims, sublinear TF, n-grams
/// no claim has left out (as a vectoriser fitted on the claims does).
/// </summary>
public sealed class CharTfIdf
{
    private readonly Dictionary<long, float> _idf = [];

    public CharTfIdf(IReadOnlyList<string> normalizedClaims)
    {
        var df = new Dictionary<long, int>();
        foreach (var claim in normalizedClaims)
        {
            foreach (var key in Grams(claim).Select(g => CharNgrams.Key(g)).Distinct())
            {
                df[key] = df.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var (key, count) in df)
        {
            _idf[key] = CharNgrams.Idf(normalizedClaims.Count, count);
        }
    }

    /// <summary>How many distinct n-grams the claims have.</summary>
    public int Count => _idf.Count;

    /// <summary>A text's weighted n-grams (those the claims have), in order of first occurrence, and its norm.</summary>
    public Vector Of(string normalizedText)
    {
        var counts = new Dictionary<long, int>();
        var order = new List<long>();
        foreach (var key in Grams(normalizedText).Select(g => CharNgrams.Key(g)))
        {
            if (!_idf.ContainsKey(key))
            {
                continue;
            }

            if (counts.TryGetValue(key, out var count))
            {
                counts[key] = count + 1;
            }
            else
            {
                counts[key] = 1;
                order.Add(key);
            }
        }

        var weights = order.Select(k => CharNgrams.Weight(counts[k], _idf[k])).ToArray();
        var sum = 0.0;
        foreach (var w in weights)
        {
            sum += (double)w * w;
        }

        return new Vector([.. order], weights, Math.Sqrt(sum));
    }

    /// <summary>Cosine of two vectors: the dot summed over the claim's n-grams in order, over the product of norms.</summary>
    public static float Cosine(Vector post, Vector claim)
    {
        if (post.Norm <= 0 || claim.Norm <= 0)
        {
            return 0f;
        }

        var postWeights = post.Keys.Zip(post.Weights).ToDictionary(p => p.First, p => p.Second);
        var dot = 0.0;
        for (var i = 0; i < claim.Keys.Length; i++)
        {
            if (postWeights.TryGetValue(claim.Keys[i], out var w))
            {
                dot += (double)claim.Weights[i] * w;
            }
        }

        return (float)(dot / (post.Norm * claim.Norm));
    }

    /// <summary>
    /// scikit-learn's char_wb n-grams of a text (every substring of 2 to 5 characters of each word padded with a space
    /// each side), word by word, by start, then by length (the order the sums run in; scikit-learn lists them by length).
    /// </summary>
    public static List<string> Grams(string text)
    {
        var grams = new List<string>();
        foreach (var word in PairFeatures.Words(text))
        {
            var w = " " + word + " ";
            for (var start = 0; start + CharNgrams.MinLength <= w.Length; start++)
            {
                for (var n = CharNgrams.MinLength; n <= CharNgrams.MaxLength && start + n <= w.Length; n++)
                {
                    grams.Add(w.Substring(start, n));
                }
            }
        }

        return grams;
    }

    /// <summary>A text's weighted n-grams.</summary>
    public sealed record Vector(long[] Keys, float[] Weights, double Norm);
}
