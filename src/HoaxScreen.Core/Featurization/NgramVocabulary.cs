namespace HoaxScreen.Core.Featurization;

/// <summary>
/// A fitted vocabulary as the trainer holds it: the word n-grams (joined by single spaces) and character n-grams of
/// the training texts, in slot order (words first), with each n-gram's IDF, ln(documents / texts holding it).
/// Serving never builds one: it reads the bundle's file straight into an <see cref="NgramFeaturizer"/>.
/// </summary>
public sealed record NgramVocabulary(NgramSettings Settings, int Documents, IReadOnlyList<string> Words, IReadOnlyList<string> Chars, float[] Idf)
{
    public NgramFeaturizer ToFeaturizer()
    {
        var builder = new NgramFeaturizer.Builder(Settings);
        for (var i = 0; i < Words.Count; i++)
        {
            builder.AddWord(Words[i], Idf[i]);
        }

        for (var i = 0; i < Chars.Count; i++)
        {
            builder.AddChar(Chars[i], Idf[Words.Count + i]);
        }

        return builder.Build();
    }
}
