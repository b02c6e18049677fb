using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HoaxScreen.Core.Data;
using Microsoft.Data.Sqlite;

namespace HoaxScreen.Core.TermLists;

/// <summary>
/// A deployment's term lists in one SQLite file (WAL journal; one writer, many readers, any number of processes). Each
/// write replaces or deletes a whole list in one transaction and bumps <see cref="Revision"/>, which a matcher polls
/// (one indexed read) to rebuild itself, so a list changed through one replica reaches every replica's scoring without
/// a restart. Thread-safe: each call uses its own pooled connection.
/// </summary>
public sealed partial class TermListStore
{
    public const int SchemaVersion = 1;

    /// <summary>Most terms in one list.</summary>
    public const int MaxTerms = 20_000;

    /// <summary>Longest term, in characters.</summary>
    public const int MaxTermLength = 200;

    // PRAGMA application_id: "HxTl".
    private const int ApplicationId = 0x4878546C;

    private readonly string _connectionString;
    private readonly TimeProvider _clock;

    private TermListStore(string path, string connectionString, TimeProvider clock)
    {
        Path = path;
        _connectionString = connectionString;
        _clock = clock;
    }

    public string Path { get; }

    /// <summary>Opens the store at <paramref name="path"/>, creating the file when missing.</summary>
    /// <exception cref="TermListStoreException">The folder is missing or the file is not a term-list store of this schema.</exception>
    public static TermListStore Open(string path, TimeProvider? clock = null)
    {
        var (full, connectionString) = SqliteStoreFile.Open(
            path, "term-list store", message => new TermListStoreException(message),
            (full, connection) => new TermListStore(full, connection, clock ?? TimeProvider.System).Initialise());
        return new TermListStore(full, connectionString, clock ?? TimeProvider.System);
    }

    /// <summary>Increases with every write that changes the store; poll it to notice changes made by any process.</summary>
    public long Revision
    {
        get
        {
            using var connection = Connect();
            return Scalar<long>(connection, "SELECT value FROM meta WHERE key = 'revision'");
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
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var select = Command(connection, "SELECT terms, flag FROM term_lists WHERE name = $name", transaction))
        {
            select.Parameters.AddWithValue("$name", list.Name);
            using var reader = select.ExecuteReader();
            if (reader.Read() && reader.GetString(0) == terms && reader.GetInt64(1) == (list.Flag ? 1 : 0))
            {
                return false;
            }
        }

        var revision = BumpRevision(connection, transaction);
        using var write = Command(connection, """
            INSERT INTO term_lists (name, terms, flag, updated_at, revision) VALUES ($name, $terms, $flag, $updated, $revision)
            ON CONFLICT (name) DO UPDATE SET terms = excluded.terms, flag = excluded.flag, updated_at = excluded.updated_at, revision = excluded.revision
            """, transaction);
        write.Parameters.AddWithValue("$name", list.Name);
        write.Parameters.AddWithValue("$terms", terms);
        write.Parameters.AddWithValue("$flag", list.Flag ? 1 : 0);
        write.Parameters.AddWithValue("$updated", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        write.Parameters.AddWithValue("$revision", revision);
        write.ExecuteNonQuery();
        transaction.Commit();
        return true;
    }

    /// <summary>The list, or null when there is none of that name.</summary>
    public TermList? Get(string name) => Read("WHERE name = $name", name).FirstOrDefault();

    /// <summary>Every list, by name.</summary>
    public IReadOnlyList<TermList> All() => Read(string.Empty, null);

    /// <summary>Deletes the list; false when there was none.</summary>
    public bool Delete(string name)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var delete = Command(connection, "DELETE FROM term_lists WHERE name = $name", transaction);
        delete.Parameters.AddWithValue("$name", name);
        if (delete.ExecuteNonQuery() == 0)
        {
            return false;
        }

        BumpRevision(connection, transaction);
        transaction.Commit();
        return true;
    }

    /// <summary>Every list and the revision they are at, read in one transaction.</summary>
    public (IReadOnlyList<TermList> Lists, long Revision) Snapshot()
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        var revision = Scalar<long>(connection, "SELECT value FROM meta WHERE key = 'revision'", transaction);
        return (ReadAll(connection, transaction, string.Empty, null), revision);
    }

    private List<TermList> Read(string where, string? name)
    {
        using var connection = Connect();
        return ReadAll(connection, null, where, name);
    }

    private static List<TermList> ReadAll(SqliteConnection connection, SqliteTransaction? transaction, string where, string? name)
    {
        using var select = Command(connection, $"SELECT name, terms, flag FROM term_lists {where} ORDER BY name", transaction);
        if (name is not null)
        {
            select.Parameters.AddWithValue("$name", name);
        }

        var lists = new List<TermList>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            lists.Add(new TermList(reader.GetString(0), JsonSerializer.Deserialize<string[]>(reader.GetString(1)) ?? [], reader.GetInt64(2) == 1));
        }

        return lists;
    }

    private void Initialise()
    {
        using var connection = Connect();
        var applicationId = Scalar<long>(connection, "PRAGMA application_id");
        var tables = Scalar<long>(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
        if (tables == 0 && applicationId == 0)
        {
            using var command = Command(connection, "PRAGMA journal_mode = WAL", null);
            command.ExecuteNonQuery();
            using var transaction = connection.BeginTransaction();
            using var create = Command(connection, $"""
                PRAGMA application_id = {ApplicationId};
                CREATE TABLE schema_version (version INTEGER NOT NULL);
                INSERT INTO schema_version (version) VALUES ({SchemaVersion});
                CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO meta (key, value) VALUES ('revision', 0);
                CREATE TABLE term_lists (
                    name TEXT PRIMARY KEY NOT NULL,
                    terms TEXT NOT NULL,
                    flag INTEGER NOT NULL CHECK (flag IN (0, 1)),
                    updated_at TEXT NOT NULL,
                    revision INTEGER NOT NULL
                );
                """, transaction);
            create.ExecuteNonQuery();
            transaction.Commit();
            return;
        }

        if (applicationId != ApplicationId)
        {
            throw new TermListStoreException($"{Path}: not a term-list store (a SQLite database of another program)");
        }

        var version = Scalar<long>(connection, "SELECT max(version) FROM schema_version");
        if (version != SchemaVersion)
        {
            throw new TermListStoreException($"{Path}: term-list store of schema version {version}; this build reads version {SchemaVersion}");
        }
    }

    private static long BumpRevision(SqliteConnection connection, SqliteTransaction transaction)
    {
        var revision = Scalar<long>(connection, "SELECT value FROM meta WHERE key = 'revision'", transaction) + 1;
        using var bump = Command(connection, "UPDATE meta SET value = $revision WHERE key = 'revision'", transaction);
        bump.Parameters.AddWithValue("$revision", revision);
        bump.ExecuteNonQuery();
        return revision;
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static T Scalar<T>(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = Command(connection, sql, transaction);
        return (T)Convert.ChangeType(command.ExecuteScalar() ?? default(T)!, typeof(T), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex ListName();
}

/// <summary>A term-list store that cannot be opened, or a list that cannot be stored; the message says why in plain words.</summary>
public sealed class TermListStoreException(string message) : Exception(message);
