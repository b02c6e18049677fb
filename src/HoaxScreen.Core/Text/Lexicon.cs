using System.Collections.Frozen;
using System.Text;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Core.Text;

/// <summary>
/// The word lists the normaliser consults: slang → standard forms, watch words (what disguised spellings are
/// resolved towards) and a vocabulary of known words (to choose between candidate repairs). Immutable.
/// </summary>
public sealed class Lexicon
{
    public const string Folder = "lexicons";
    public const string SlangFile = "slang.csv";
    public const string WatchwordsFile = "watchwords.txt";
    public const string VocabularyFile = "vocabulary.txt";

    private readonly FrozenDictionary<string, string[]> _slang;
    private readonly FrozenSet<string> _watchwords;
    private readonly FrozenSet<string> _vocabulary;
    private readonly FrozenDictionary<int, string[]> _watchwordsByLength;
    private readonly FrozenDictionary<int, string[]> _vocabularyByLength;
    private readonly string[] _orderedWatchwords;
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _slangLookup;
    private readonly Dictionary<string, string[]> _slangMutable;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _vocabularyLookup;
    private readonly HashSet<string> _vocabularyMutable;

    public Lexicon(IEnumerable<KeyValuePair<string, string>> slang, IEnumerable<string> watchwords, IEnumerable<string> vocabulary)
    {
        _slangMutable = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (informal, formal) in slang)
        {
            var key = informal.Trim().ToLowerInvariant();
            var words = formal.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (key.Length > 0 && words.Length > 0 && !key.Contains(' ', StringComparison.Ordinal) && !(words.Length == 1 && words[0] == key))
            {
                _slangMutable.TryAdd(key, words);
            }
        }

        _orderedWatchwords = [.. watchwords.Select(w => w.Trim().ToLowerInvariant()).Where(w => w.Length > 0).Distinct()];
        _watchwords = _orderedWatchwords.ToFrozenSet(StringComparer.Ordinal);
        _watchwordsByLength = _orderedWatchwords.GroupBy(w => w.Length).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _vocabularyMutable = new HashSet<string>(StringComparer.Ordinal);
        _vocabularyMutable.UnionWith(vocabulary.Select(w => w.Trim().ToLowerInvariant()).Where(w => w.Length > 0));
        _vocabularyMutable.UnionWith(_orderedWatchwords);
        _vocabularyMutable.UnionWith(_slangMutable.Keys);
        _vocabularyMutable.UnionWith(_slangMutable.Values.SelectMany(v => v));
        _slang = _slangMutable.ToFrozenDictionary(StringComparer.Ordinal);
        _vocabulary = _vocabularyMutable.ToFrozenSet(StringComparer.Ordinal);
        _vocabularyByLength = _vocabularyMutable.Where(w => w.All(char.IsLetter)).Order(StringComparer.Ordinal)
            .GroupBy(w => w.Length).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _slangLookup = _slangMutable.GetAlternateLookup<ReadOnlySpan<char>>();
        _vocabularyLookup = _vocabularyMutable.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static Lexicon Empty { get; } = new([], [], []);

    public int SlangCount => _slang.Count;

    public int WatchwordCount => _watchwords.Count;

    public int VocabularyCount => _vocabulary.Count;

    public IReadOnlyDictionary<string, string[]> Slang => _slang;

    public IReadOnlyCollection<string> Watchwords => _orderedWatchwords;

    public IReadOnlySet<string> Vocabulary => _vocabulary;

    public bool TryGetSlang(ReadOnlySpan<char> word, out string[] standard) => _slangLookup.TryGetValue(word, out standard!);

    public bool IsKnown(ReadOnlySpan<char> word) => _vocabularyLookup.Contains(word);

    public bool IsWatchword(string word) => _watchwords.Contains(word);

    /// <summary>
    /// The word that fits a mask ('*' = any letter): the only watch word that fits, or, when no watch word does,
    /// the only known word that does. Null when none or several fit.
    /// </summary>
    public string? Unmask(ReadOnlySpan<char> masked)
    {
        var (watchword, watchwordMatches) = UniqueFit(_watchwordsByLength, masked);
        if (watchwordMatches > 0)
        {
            return watchword;
        }

        return UniqueFit(_vocabularyByLength, masked).Match;
    }

    private static (string? Match, int Count) UniqueFit(FrozenDictionary<int, string[]> byLength, ReadOnlySpan<char> masked)
    {
        if (!byLength.TryGetValue(masked.Length, out var candidates))
        {
            return (null, 0);
        }

        string? match = null;
        var count = 0;
        foreach (var candidate in candidates)
        {
            if (FitsMask(candidate, masked))
            {
                match = candidate;
                if (++count > 1)
                {
                    return (null, count);
                }
            }
        }

        return (match, count);
    }

    private static bool FitsMask(string candidate, ReadOnlySpan<char> masked)
    {
        for (var i = 0; i < masked.Length; i++)
        {
            if (masked[i] != '*' && masked[i] != candidate[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Loads the lexicons a bundle (or any folder) holds under <c>lexicons/</c>; absent files are empty.</summary>
    public static Lexicon LoadFolder(string directory)
    {
        var folder = Path.Combine(directory, Folder);
        var slang = Path.Combine(folder, SlangFile);
        var watchwords = Path.Combine(folder, WatchwordsFile);
        var vocabulary = Path.Combine(folder, VocabularyFile);
        return new Lexicon(
            File.Exists(slang) ? ReadSlangFile(slang, hasHeader: true) : [],
            File.Exists(watchwords) ? ReadWordFile(watchwords) : [],
            File.Exists(vocabulary) ? ReadWordFile(vocabulary) : []);
    }

    /// <summary>Writes the three files under <c>directory/lexicons/</c>, in a stable order.</summary>
    public void SaveFolder(string directory)
    {
        var folder = Path.Combine(directory, Folder);
        Directory.CreateDirectory(folder);
        var slang = new StringBuilder("informal,formal\n");
        foreach (var (informal, formal) in _slangMutable.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            slang.Append(CsvText.Escape(informal)).Append(',').Append(CsvText.Escape(string.Join(' ', formal))).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, SlangFile), slang.ToString());
        File.WriteAllLines(Path.Combine(folder, WatchwordsFile), _orderedWatchwords);
        File.WriteAllLines(Path.Combine(folder, VocabularyFile), _vocabularyMutable.Except(_watchwords).Order(StringComparer.Ordinal));
    }

    /// <summary>Reads a two-column informal,formal CSV (the team's slang.csv, or a public one such as new_kamusalay.csv).</summary>
    public static IEnumerable<KeyValuePair<string, string>> ReadSlangFile(string path, bool hasHeader)
    {
        using var reader = CsvRecordReader.Open(path);
        if (hasHeader)
        {
            reader.ReadRecord();
        }

        while (reader.ReadRecord() is { } record)
        {
            if (record.Length < 2)
            {
                throw new DataFormatException($"{path}:{reader.RecordLine}: expected two columns: informal,formal");
            }

            yield return new KeyValuePair<string, string>(record[0], record[1]);
        }
    }

    /// <summary>Reads one word per line; blank lines and lines starting with '#' are skipped.</summary>
    public static IEnumerable<string> ReadWordFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException($"{path}: file not found");
        }

        foreach (var line in File.ReadLines(path))
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#'))
            {
                yield return word;
            }
        }
    }
}
