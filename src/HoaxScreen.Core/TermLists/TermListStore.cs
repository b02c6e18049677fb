using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Core.TermLists;

/// <summary>
/// A deployment's term lists in one SQLite file (WAL journal; one writer, many readers, any number of processes) or a
/// shared PostgreSQL database (<see cref="StoreDatabase"/>). Each write replaces or deletes a whole list in one
/// transaction and bumps <see cref="Revision"/>, which a matcher polls (one indexed read) to rebuild itself, so a list
/// changed through one replica reaches every replica's scoring without a restart. Thread-safe: each call uses its own
/// pooled connection.
/// </summary>
public sealed partial class TermListStore
{
    public const int SchemaVersion = 1;

    /// <summary>Most terms in one list.</summary>
    public const int MaxTerms = 20_000;

    /// <summary>Longest term, in characters.</summary>
    public const int MaxTermLength = 200;

    private static readonly StoreSchema Schema = new("term_lists", "term-list store", ApplicationId: 0x4878546C /* "HxTl" */, SchemaVersion, HasRevision: true, """
        CREATE TABLE term_lists (
            name TEXT PRIMARY KEY NOT NULL,
            terms TEXT NOT NULL,
            flag BIGINT NOT NULL CHECK (flag IN (0, 1)),
            updated_at TEXT NOT NULL,
            revision BIGINT NOT NULL
        );
        """);

    private readonly StoreDatabase _database;
    private readonly TimeProvider _clock;

    private TermListStore(StoreDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    /// <summary>The store's file as a full path, or its PostgreSQL database's address.</summary>
    public string Path => _database.Location;

    /// <summary>
    /// Opens the store at <paramref name="path"/> (a SQLite file, or a PostgreSQL connection string starting
    /// <c>Host=</c>), creating the file or tables when missing.
    /// </summary>
    /// <exception cref="TermListStoreException">The folder is missing, the file is not a term-list store of this
    /// schema, or the PostgreSQL database cannot be used.</exception>
    public static TermListStore Open(string path, TimeProvider? clock = null) => Open(StoreDatabase.For(path), clock);

    /// <inheritdoc cref="Open(string, TimeProvider?)"/>
    public static TermListStore Open(StoreDatabase database, TimeProvider? clock = null)
    {
        database.Initialise(Schema, message => new TermListStoreException(message));
        return new TermListStore(database, clock ?? TimeProvider.System);
    }

    /// <summary>Increases with every write that changes the store; poll it to notice changes made by any process.</summary>
    public long Revision
    {
        get
        {
            using var connection = _database.Connect();
            return _database.ReadRevision(Schema, connection);
        }
    }

    /// <summary>The problems of a list as a request would send it, in plain words; empty when it can be stored.</summary>
    public static IEnumerable<string> Problems(string name, IReadOnlyList<string>? terms)
    {
        if (NameProblem(name) is { } nameProblem)
        {
            yield return nameProblem;
        }

        if (terms is null)
        {
            yield return "terms is required";
            yield break;
        }

        if (terms.Count > MaxTerms)
        {
            yield return $"terms holds {terms.Count:N0} terms; at most {MaxTerms:N0}";
        }

        for (var i = 0; i < terms.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(terms[i]))
            {
                yield return $"terms[{i}] is blank";
            }
            else if (terms[i].Length > MaxTermLength)
            {
                yield return $"terms[{i}] has {terms[i].Length} characters; at most {MaxTermLength}";
            }
        }
    }

    /// <summary>The problem with a list name, or null when it is a valid one.</summary>
    public static string? NameProblem(string? name) =>
        ListName().IsMatch(name ?? string.Empty) ? null : "name must be 1-64 lower-case letters, digits, '_' or '-', starting with a letter or digit";

    /// <summary>The list as <see cref="Put"/> stores it: each term trimmed, repeats dropped, in order.</summary>
    public static TermList AsStored(TermList list) =>
        list with { Terms = [.. list.Terms.Select(t => t.Trim()).Distinct(StringComparer.Ordinal)] };

    /// <summary>Creates or replaces the list <paramref name="list"/>.Name; false when the stored list was already the same.</summary>
    /// <exception cref="TermListStoreException">The list breaks a rule of <see cref="Problems"/>.</exception>
    public bool Put(TermList list)
    {
        if (Problems(list.Name, list.Terms).FirstOrDefault() is { } problem)
        {
            throw new TermListStoreException(problem);
        }

        var terms = JsonSerializer.Serialize(AsStored(list).Terms);
        using var connection = _database.Connect();
        using var transaction = _database.BeginWrite(connection);
        using (var select = connection.Command("SELECT terms, flag FROM term_lists WHERE name = @name", transaction))
        {
            select.Bind("@name", list.Name);
            using var reader = select.ExecuteReader();
            if (reader.Read() && reader.GetString(0) == terms && reader.GetInt64(1) == (list.Flag ? 1 : 0))
            {
                return false;
            }
        }

        var revision = _database.BumpRevision(Schema, connection, transaction);
        connection.Execute("""
            INSERT INTO term_lists (name, terms, flag, updated_at, revision) VALUES (@name, @terms, @flag, @updated, @revision)
            ON CONFLICT (name) DO UPDATE SET terms = excluded.terms, flag = excluded.flag, updated_at = excluded.updated_at, revision = excluded.revision
            """, transaction,
            ("@name", list.Name), ("@terms", terms), ("@flag", list.Flag ? 1L : 0L),
            ("@updated", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)), ("@revision", revision));
        transaction.Commit();
        return true;
    }

    /// <summary>The list, or null when there is none of that name.</summary>
    public TermList? Get(string name) => Read("WHERE name = @name", name).FirstOrDefault();

    /// <summary>Every list, by name.</summary>
    public IReadOnlyList<TermList> All() => Read(string.Empty, null);

    /// <summary>Deletes the list; false when there was none.</summary>
    public bool Delete(string name)
    {
        using var connection = _database.Connect();
        using var transaction = _database.BeginWrite(connection);
        if (connection.Execute("DELETE FROM term_lists WHERE name = @name", transaction, ("@name", name)) == 0)
        {
            return false;
        }

        _database.BumpRevision(Schema, connection, transaction);
        transaction.Commit();
        return true;
    }

    /// <summary>Every list and the revision they are at, read in one transaction.</summary>
    public (IReadOnlyList<TermList> Lists, long Revision) Snapshot()
    {
        using var connection = _database.Connect();
        using var transaction = _database.BeginRead(connection);
        var revision = _database.ReadRevision(Schema, connection, transaction);
        return (ReadAll(connection, transaction, string.Empty, null), revision);
    }

    private List<TermList> Read(string where, string? name)
    {
        using var connection = _database.Connect();
        return ReadAll(connection, null, where, name);
    }

    private static List<TermList> ReadAll(DbConnection connection, DbTransaction? transaction, string where, string? name)
    {
        using var select = connection.Command($"SELECT name, terms, flag FROM term_lists {where} ORDER BY name", transaction);
        if (name is not null)
        {
            select.Bind("@name", name);
        }

        var lists = new List<TermList>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            lists.Add(new TermList(reader.GetString(0), JsonSerializer.Deserialize<string[]>(reader.GetString(1)) ?? [], reader.GetInt64(2) == 1));
        }

        return lists;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex ListName();
}

/// <summary>A term-list store that cannot be opened, or a list that cannot be stored; the message says why in plain words.</summary>
public sealed class TermListStoreException(string message) : Exception(message);
