using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Core.Scoring;

/// <summary>
/// How ML.NET's text featuriser names character n-gram slots: each UTF-16 unit by its character tokeniser's key name,
/// joined by '|'. Most units have a name of their own; some share one (every UTF-16 surrogate is named "\u4X", a
/// format-string slip in ML.NET), so a slot name with such a unit does not say which n-gram it counts. The trainer
/// resolves those slots by probing (see the bundle's <c>features.idf</c>); serving reads the rest back by name.
/// </summary>
public sealed class CharNgramNames
{
    private static readonly Lazy<CharNgramNames> Shared = new(() => Build(new MLContext(seed: 1)));

    private readonly Dictionary<string, char>.AlternateLookup<ReadOnlySpan<char>> _charOf;
    private readonly string[] _nameOf;
    private readonly bool[] _unique;

    private CharNgramNames(Dictionary<string, char> charOf, string[] nameOf, bool[] unique)
    {
        _charOf = charOf.GetAlternateLookup<ReadOnlySpan<char>>();
        _nameOf = nameOf;
        _unique = unique;
    }

    /// <summary>The names ML.NET gives; the same for every model, so read once per process.</summary>
    public static CharNgramNames Instance => Shared.Value;

    /// <summary>Whether a slot name with this unit in it identifies the unit.</summary>
    public bool IsUnique(char c) => _unique[c];

    /// <summary>The n-gram a character slot name (without its "Char." prefix) stands for, or null when it is ambiguous.</summary>
    public string? Parse(ReadOnlySpan<char> name)
    {
        var chars = new List<char>(8);
        foreach (var range in name.Split('|'))
        {
            if (!_charOf.TryGetValue(name[range], out var c))
            {
                return null;
            }

            chars.Add(c);
        }

        return new string([.. chars]);
    }

    /// <summary>The slot name (without its "Char." prefix) ML.NET gives this n-gram.</summary>
    public string Render(string ngram) => string.Join('|', ngram.Select(c => _nameOf[c]));

    private static CharNgramNames Build(MLContext ml)
    {
        var probe = ml.Data.LoadFromEnumerable(new[] { new Modeling.PostInput { Text = "a" } });
        var keys = ml.Transforms.Text.TokenizeIntoCharactersAsKeys("Chars", Modeling.ModelColumns.Text, useMarkerCharacters: true).Fit(probe).Transform(probe);
        VBuffer<ReadOnlyMemory<char>> names = default;
        keys.Schema["Chars"].Annotations.GetValue("KeyValues", ref names);
        var byName = new Dictionary<string, char>(StringComparer.Ordinal);
        var duplicated = new HashSet<string>(StringComparer.Ordinal);
        var nameOf = new string[char.MaxValue + 1];
        Array.Fill(nameOf, string.Empty);
        var code = 0;
        foreach (var name in names.DenseValues())
        {
            // Key values are listed from character 1 on (key 0 is the missing value).
            code++;
            var text = name.ToString();
            nameOf[code] = text;
            if (!byName.TryAdd(text, (char)code))
            {
                duplicated.Add(text);
            }
        }

        foreach (var name in duplicated)
        {
            byName.Remove(name);
        }

        var unique = new bool[char.MaxValue + 1];
        foreach (var c in byName.Values)
        {
            unique[c] = true;
        }

        return new CharNgramNames(byName, nameOf, unique);
    }
}
