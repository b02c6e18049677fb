using HoaxScreen.Core.Data;
using HoaxScreen.Core.Text;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Training.Normalization;

/// <summary>
/// Builds the normaliser a bundle will carry: the recipe's slang and watch-word files merged, plus a vocabulary
/// of words frequent in the training texts (so elongation and leetspeak repairs prefer real words).
/// </summary>
public static class LexiconAssembler
{
    public static TextNormalizer Assemble(TrainingRecipe recipe, IEnumerable<string> trainingTexts, Action<string>? progress = null)
    {
        var normalizer = recipe.Normalizer;
        var sources = new List<LexiconSource>();
        var slang = new List<KeyValuePair<string, string>>();
        foreach (var source in normalizer.Slang)
        {
            var path = recipe.Resolve(source.Path);
            var entries = Lexicon.ReadSlangFile(path, source.Header).ToList();
            slang.AddRange(entries);
            sources.Add(new LexiconSource("slang", RelativeToRecipe(recipe, path), FileHash.Sha256Of(path), entries.Count));
        }

        var watchwords = new List<string>();
        foreach (var file in normalizer.Watchwords)
        {
            var path = recipe.Resolve(file);
            var words = Lexicon.ReadWordFile(path).ToList();
            watchwords.AddRange(words);
            sources.Add(new LexiconSource("watchwords", RelativeToRecipe(recipe, path), FileHash.Sha256Of(path), words.Count));
        }

        var vocabulary = FrequentWords(trainingTexts, normalizer.VocabularyMinCount);
        var lexicon = new Lexicon(slang, watchwords, vocabulary);
        progress?.Invoke($"normaliser: {lexicon.SlangCount:N0} slang entries, {lexicon.WatchwordCount:N0} watch words, {lexicon.VocabularyCount:N0} known words");
        var settings = normalizer.Settings with
        {
            Version = NormalizerSettings.CurrentVersion,
            Lexicons = new LexiconSummary(lexicon.SlangCount, lexicon.WatchwordCount, lexicon.VocabularyCount, sources),
        };
        return new TextNormalizer(settings, lexicon);
    }

    /// <summary>Lower-case letter-only words (2..20 letters) occurring at least <paramref name="minCount"/> times.</summary>
    public static IEnumerable<string> FrequentWords(IEnumerable<string> texts, int minCount)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[20];
        foreach (var text in texts)
        {
            var length = 0;
            var tooLong = false;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && char.IsAsciiLetter(text[i]))
                {
                    if (length < buffer.Length)
                    {
                        buffer[length++] = char.ToLowerInvariant(text[i]);
                    }
                    else
                    {
                        tooLong = true;
                    }

                    continue;
                }

                if (length >= 2 && !tooLong)
                {
                    var word = buffer[..length];
                    lookup[word] = lookup.TryGetValue(word, out var count) ? count + 1 : 1;
                }

                length = 0;
                tooLong = false;
            }
        }

        return counts.Where(kv => kv.Value >= minCount).Select(kv => kv.Key);
    }

    private static string RelativeToRecipe(TrainingRecipe recipe, string path) =>
        Path.GetRelativePath(recipe.BaseDirectory, path).Replace('\\', '/');
}
