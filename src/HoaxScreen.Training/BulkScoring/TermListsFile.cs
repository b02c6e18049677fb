using System.Data.Common;
using System.Text;
using System.Text.Json;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.TermLists;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// The lists of <c>score --termlists FILE</c>. FILE is a term-list store the service wrote (the SQLite file
/// <c>TermLists:Path</c> names), told by its content (SQLite's header) whatever its name, or else (unless it is named
/// .db, .sqlite or .sqlite3) a JSON file an analyst can write by hand: an array of <c>{ "name", "flag", "terms" }</c>
/// objects, each the body <c>GET /admin/termlists/{name}</c> returns (one such object alone is one list). Every list is
/// checked with the service's rules (<see cref="TermListStore.Problems"/>), a name used twice is refused, and the terms
/// are taken as the service stores them (trimmed, each once), so the matches are the service's. Any problem is one line
/// naming the file.
/// </summary>
public static class TermListsFile
{
    private const string What = "--termlists takes a term-list store or a JSON array of { \"name\", \"flag\", \"terms\" } lists";

    // A file named like a database that is not one is a wrong path, not a JSON file to complain about.
    private static readonly string[] StoreExtensions = [".db", ".sqlite", ".sqlite3"];

    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    private static readonly JsonDocumentOptions Relaxed = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The lists in <paramref name="path"/> (a full path), at least one.</summary>
    /// <exception cref="DataFormatException">The file is missing, unreadable or breaks a rule; the message says which.</exception>
    public static IReadOnlyList<TermList> Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new DataFormatException($"{path}: is a folder, not a file ({What})");
        }

        if (!File.Exists(path))
        {
            throw new DataFormatException($"{path}: file not found ({What})");
        }

        var lists = IsSqlite(path) ? FromStore(path)
            : StoreExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase)
                ? throw new DataFormatException($"{path}: not a term-list store (the file is not a SQLite database)")
                : FromJson(path);
        if (lists.Count == 0)
        {
            throw new DataFormatException($"{path} has no term lists; --termlists needs at least one");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lists.Count; i++)
        {
            if (TermListStore.Problems(lists[i].Name, lists[i].Terms).FirstOrDefault() is { } problem)
            {
                throw new DataFormatException($"{path}: {Describe(i, lists[i].Name)}: {problem}");
            }

            if (!seen.TryAdd(lists[i].Name, i))
            {
                throw new DataFormatException(
                    $"{path}: {Describe(i, null)}: the name '{lists[i].Name}' is already used by list {seen[lists[i].Name] + 1}; each list needs its own name");
            }
        }

        return [.. lists.Select(TermListStore.AsStored)];
    }

    private static bool IsSqlite(string path)
    {
        Span<byte> start = stackalloc byte[16];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length && start.SequenceEqual(SqliteHeader);
    }

    private static List<TermList> FromStore(string path)
    {
        try
        {
            return [.. TermListStore.Open(path).All()];
        }
        catch (TermListStoreException ex)
        {
            throw new DataFormatException(ex.Message);
        }
        catch (DbException ex)
        {
            throw new DataFormatException($"{path}: cannot read the term-list store: {ex.Message}");
        }
    }

    private static List<TermList> FromJson(string path)
    {
        // ReadAllText drops a byte-order mark, which editors on Windows write.
        var text = File.ReadAllText(path, Encoding.UTF8);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Relaxed);
        }
        catch (JsonException ex)
        {
            // The reader's message ends with its own zero-based position; the line is given first, one-based.
            var reason = ex.Message.Split(" LineNumber:")[0].TrimEnd('.', ' ');
            var where = ex.LineNumber is { } line ? $"{path}:{line + 1}" : path;
            throw new DataFormatException($"{where}: not valid JSON ({reason}); {What}");
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Array => [.. root.EnumerateArray().Select((element, i) => ListOf(path, element, i))],
                JsonValueKind.Object => [ListOf(path, root, 0)],
                _ => throw new DataFormatException($"{path}: holds {KindOf(root)}, not a list of term lists; {What}"),
            };
        }
    }

    private static TermList ListOf(string path, JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException($"{path}: {Describe(index, null)} is {KindOf(element)}, not an object with name, flag and terms");
        }

        string? name = null;
        var flag = false;
        List<string>? terms = null;
        foreach (var property in element.EnumerateObject())
        {
            // Case-insensitive, as the service reads its requests.
            switch (property.Name.ToLowerInvariant())
            {
                case "name":
                    name = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString()
                        : throw new DataFormatException($"{path}: {Describe(index, null)}: name must be a string, not {KindOf(property.Value)}");
                    break;
                case "flag":
                    flag = property.Value.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw new DataFormatException($"{path}: {Describe(index, name)}: flag must be true or false, not {KindOf(property.Value)}"),
                    };
                    break;
                case "terms":
                    terms = TermsOf(path, property.Value, index, name);
                    break;
                default:
                    throw new DataFormatException($"{path}: {Describe(index, name)}: unknown field '{property.Name}' (a list has name, flag and terms)");
            }
        }

        if (name is null)
        {
            throw new DataFormatException($"{path}: {Describe(index, null)}: name is required");
        }

        return terms is null
            ? throw new DataFormatException($"{path}: {Describe(index, name)}: terms is required (an array of words or short phrases)")
            : new TermList(name, terms, flag);
    }

    private static List<string> TermsOf(string path, JsonElement value, int index, string? name)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new DataFormatException($"{path}: {Describe(index, name)}: terms must be an array of strings, not {KindOf(value)}");
        }

        var terms = new List<string>(value.GetArrayLength());
        foreach (var term in value.EnumerateArray())
        {
            terms.Add(term.ValueKind == JsonValueKind.String
                ? term.GetString()!
                : throw new DataFormatException($"{path}: {Describe(index, name)}: terms[{terms.Count}] must be a string, not {KindOf(term)}"));
        }

        return terms;
    }

    // "list 2 ('slurs')": counted from 1 as people count, with the name once it is known to be a proper one.
    private static string Describe(int index, string? name) =>
        name is not null && TermListStore.NameProblem(name) is null ? $"list {index + 1} ('{name}')" : $"list {index + 1}";

    private static string KindOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => "null",
    };
}
