using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace HoaxScreen.Training.Pipeline;

/// <summary>
/// The bundle's <see cref="FeatureWeights"/> for a fitted featuriser. ML.NET does not expose its IDF weights, so the
/// same featuriser is fitted again on the same texts without the L2 norm (the same vocabulary in the same slot order,
/// checked by slot name) and each slot's raw value read off the texts: with "idf" weighting an n-gram's value in any
/// post that holds it is its IDF. Character slots whose names are ambiguous (UTF-16 surrogates, see
/// <see cref="CharNgramNames"/>) are resolved by featurising each such n-gram of the texts on its own.
/// </summary>
public static class FeatureWeightsExtractor
{
    private const char StartMarker = '\u0002';
    private const char EndMarker = '\u0003';
    private const string CharPrefix = "Char.";

    /// <summary>The weights, or null for settings the serving fast path does not reproduce (it then scores through the chain).</summary>
    public static FeatureWeights? Compute(MLContext ml, TrainerSettings settings, IReadOnlyList<string> fitTexts, ITransformer model)
    {
        if (settings.Featurizer != "text" || settings.Weighting != "idf" || model is not TransformerChain<ITransformer> chain)
        {
            return null;
        }

        var data = ml.Data.LoadFromEnumerable(fitTexts.Select(t => new PostInput { Text = t }));
        var raw = TrainingPipeline.BuildFeaturizer(ml, settings, l2Normalize: false).Fit(data);
        var names = SlotNames(chain.First().GetOutputSchema(data.Schema));
        if (names is null || SlotNames(raw.GetOutputSchema(data.Schema)) is not { } rawNames || !names.SequenceEqual(rawNames))
        {
            return null;
        }

        var weights = new float[names.Length];
        var seen = new bool[names.Length];
        foreach (var row in raw.Transform(data).GetColumn<VBuffer<float>>(ModelColumns.Features))
        {
            foreach (var (slot, value) in NonZero(row))
            {
                weights[slot] = value;
                seen[slot] = true;
            }
        }

        // Every slot comes from these texts; one without a value (an IDF of 0: an n-gram in every post) cannot be told
        // apart from an absent one, so no fast path rather than a guess.
        return seen.All(s => s) ? new FeatureWeights(weights, ResolveAmbiguous(ml, raw, settings, names, fitTexts)) : null;
    }

    /// <summary>
    /// The n-gram of every character slot whose name is ambiguous, or null when one cannot be pinned down. Each such
    /// n-gram of the (ML.NET-normalised) texts is featurised inside two contexts of characters it does not contain: the
    /// ambiguous slots both share, less those of its shorter n-grams (resolved first), are its own.
    /// </summary>
    internal static Dictionary<int, string>? ResolveAmbiguous(MLContext ml, ITransformer rawFeaturizer, TrainerSettings settings, string[] names, IReadOnlyList<string> fitTexts)
    {
        var charNames = CharNgramNames.Instance;
        var ambiguous = new HashSet<int>();
        for (var slot = 0; slot < names.Length; slot++)
        {
            if (names[slot].StartsWith(CharPrefix, StringComparison.Ordinal) && charNames.Parse(names[slot].AsSpan(CharPrefix.Length)) is null)
            {
                ambiguous.Add(slot);
            }
        }

        var resolved = new Dictionary<int, string>();
        if (ambiguous.Count == 0 || settings.CharNgramLength == 0)
        {
            return resolved;
        }

        int[] lengths = settings.CharNgramAllLengths ? [.. Enumerable.Range(1, settings.CharNgramLength)] : [settings.CharNgramLength];
        var candidates = AmbiguousNgrams(ml, fitTexts, lengths, charNames);
        foreach (var length in lengths)
        {
            var group = candidates.Where(g => g.Length == length).Order(StringComparer.Ordinal).ToList();
            var probes = group.Select(Contexts).ToList();
            var texts = probes.SelectMany(p => p).ToList();
            var rows = rawFeaturizer.Transform(ml.Data.LoadFromEnumerable(texts.Select(t => new PostInput { Text = t })))
                .GetColumn<VBuffer<float>>(ModelColumns.Features)
                .Select(row => NonZero(row).Select(p => p.Slot).Where(ambiguous.Contains).ToHashSet())
                .ToList();
            var next = 0;
            for (var i = 0; i < group.Count; i++)
            {
                var shared = rows[next];
                for (var k = 1; k < probes[i].Length; k++)
                {
                    shared.IntersectWith(rows[next + k]);
                }

                next += probes[i].Length;
                shared.ExceptWith(resolved.Keys);
                if (shared.Count > 1)
                {
                    return null;
                }

                if (shared.Count == 1)
                {
                    var slot = shared.First();
                    if (charNames.Render(group[i]) != names[slot][CharPrefix.Length..])
                    {
                        return null;
                    }

                    resolved[slot] = group[i];
                }
            }
        }

        return resolved.Count == ambiguous.Count ? resolved : null;
    }

    // The distinct n-grams with an ambiguously named unit, as ML.NET's character tokeniser sees the texts: normalised
    // by the featuriser's own text normaliser, between a start and an end marker.
    private static HashSet<string> AmbiguousNgrams(MLContext ml, IReadOnlyList<string> fitTexts, int[] lengths, CharNgramNames charNames)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in NormalizeLikeFeaturizer(ml, fitTexts))
        {
            if (text.All(charNames.IsUnique))
            {
                continue;
            }

            var stream = StartMarker + text + EndMarker;
            foreach (var n in lengths)
            {
                for (var i = 0; i + n <= stream.Length; i++)
                {
                    var ngram = stream.AsSpan(i, n);
                    foreach (var c in ngram)
                    {
                        if (!charNames.IsUnique(c))
                        {
                            found.Add(ngram.ToString());
                            break;
                        }
                    }
                }
            }
        }

        return found;
    }

    internal static IEnumerable<string> NormalizeLikeFeaturizer(MLContext ml, IEnumerable<string> texts)
    {
        var data = ml.Data.LoadFromEnumerable(texts.Select(t => new PostInput { Text = t }));
        return ml.Transforms.Text.NormalizeText("Normalized", ModelColumns.Text, TextNormalizingEstimator.CaseMode.Lower,
                keepDiacritics: false, keepPunctuations: false, keepNumbers: true)
            .Fit(data).Transform(data).GetColumn<ReadOnlyMemory<char>>("Normalized").Select(t => t.ToString());
    }

    // The n-gram inside two different contexts of letters it lacks (a marker at an end stands for the text's own end).
    private static string[] Contexts(string ngram)
    {
        var atStart = ngram[0] == StartMarker;
        var atEnd = ngram[^1] == EndMarker && ngram.Length > (atStart ? 1 : 0);
        var inner = ngram[(atStart ? 1 : 0)..(atEnd ? ^1 : ^0)];
        if (atStart && atEnd)
        {
            return [inner];
        }

        var spare = "qxzjvwkfy".Where(c => !ngram.Contains(c)).Take(4).ToArray();
        return
        [
            (atStart ? "" : spare[0].ToString()) + inner + (atEnd ? "" : spare[1].ToString()),
            (atStart ? "" : spare[2].ToString()) + inner + (atEnd ? "" : spare[3].ToString()),
        ];
    }

    private static List<(int Slot, float Value)> NonZero(VBuffer<float> row)
    {
        var indices = row.GetIndices();
        var values = row.GetValues();
        var found = new List<(int Slot, float Value)>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] != 0)
            {
                found.Add((row.IsDense ? i : indices[i], values[i]));
            }
        }

        return found;
    }

    private static string[]? SlotNames(DataViewSchema schema)
    {
        if (schema.GetColumnOrNull(ModelColumns.Features) is not { } column)
        {
            return null;
        }

        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        return [.. names.DenseValues().Select(n => n.ToString())];
    }
}
