using System.Globalization;
using HoaxScreen.Core.Data;
using Microsoft.Data.Sqlite;

namespace HoaxScreen.Core.Claims;

/// <summary>
/// The fact-check store: one SQLite file (WAL journal), safe for one writer and many readers in any number of processes.
/// Every write (<see cref="Upsert"/>, <see cref="Delete"/>) runs in one transaction and, when it changes something,
/// bumps <see cref="Revision"/>: a matcher polls that number (one indexed read) and rebuilds its index from
/// <see cref="Snapshot"/> or <see cref="ReadAll"/> when it moved. The instance is thread-safe: each call uses its own
/// pooled connection.
/// </summary>
public sealed class ClaimStore
{
    /// <summary>The schema this build reads and writes (table schema_version).</summary>
    public const int SchemaVersion = 1;

    // PRAGMA application_id: "HxCl". Tells a claims store from any other SQLite file.
    private const int ApplicationId = 0x4878436C;

    private const string Columns = "id, claim, verdict, rating, url, publisher, published, language, text, imported_at";

    private readonly string _connectionString;
    private readonly TimeProvider _clock;

    private ClaimStore(string path, string connectionString, TimeProvider clock)
    {
        Path = path;
        _connectionString = connectionString;
        _clock = clock;
    }

    /// <summary>The store's file, as a full path.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens the store at <paramref name="path"/>, creating the file and its schema when missing.
    /// </summary>
    /// <exception cref="ClaimStoreException">The folder is missing, or the file is not a SQLite database, is another
    /// program's database, or is a claims store of another schema version.</exception>
    public static ClaimStore Open(string path, TimeProvider? clock = null)
    {
        var (full, connectionString) = SqliteStoreFile.Open(
            path, "claims store", message => new ClaimStoreException(message),
            (full, connection) => new ClaimStore(full, connection, clock ?? TimeProvider.System).Initialise());
        return new ClaimStore(full, connectionString, clock ?? TimeProvider.System);
    }

    private void Initialise()
    {
        using var connection = Connect();
        var applicationId = Scalar<long>(connection, "PRAGMA application_id");
        var tables = Scalar<long>(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
        if (tables == 0 && applicationId == 0)
        {
            Create(connection);
            return;
        }

        if (applicationId != ApplicationId)
        {
            throw new ClaimStoreException($"{Path}: not a claims store (a SQLite database of another program)");
        }

        var version = Scalar<long>(connection, "SELECT max(version) FROM schema_version");
        if (version != SchemaVersion)
        {
            throw new ClaimStoreException(
                $"{Path}: claims store of schema version {version}; this build reads version {SchemaVersion}");
        }
    }

    private static void Create(SqliteConnection connection)
    {
        // WAL is a property of the file: set once, every later connection (any process) uses it.
        Execute(connection, "PRAGMA journal_mode = WAL");
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"""
            PRAGMA application_id = {ApplicationId};
            CREATE TABLE schema_version (version INTEGER NOT NULL);
            INSERT INTO schema_version (version) VALUES ({SchemaVersion});
            CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
            INSERT INTO meta (key, value) VALUES ('revision', 0);
            CREATE TABLE claims (
                id TEXT PRIMARY KEY NOT NULL,
                claim TEXT NOT NULL,
                verdict TEXT,
                rating TEXT NOT NULL CHECK (rating IN ('false', 'misleading', 'true', 'unproven', 'other')),
                url TEXT,
                publisher TEXT,
                published TEXT,
                language TEXT NOT NULL,
                text TEXT,
                imported_at TEXT NOT NULL,
                revision INTEGER NOT NULL
            );
            """, transaction);
        transaction.Commit();
    }

    /// <summary>
    /// A number that every write which changes the store increases (never decreases, survives reopening). Reading it
    /// is cheap: poll it to notice imports and deletions made by any process.
    /// </summary>
    public long Revision
    {
        get
        {
            using var connection = Connect();
            return Scalar<long>(connection, "SELECT value FROM meta WHERE key = 'revision'");
        }
    }

    /// <summary>How many claims the store holds.</summary>
    public long Count
    {
        get
        {
            using var connection = Connect();
            return Scalar<long>(connection, "SELECT count(*) FROM claims");
        }
    }

    /// <summary>
    /// Adds or replaces records by id, all in one transaction: if anything fails (or <paramref name="claims"/> throws
    /// while being enumerated) nothing is written. A record identical to the stored one is left alone (its imported-at
    /// kept); the revision moves only when something was written. Ids repeated in <paramref name="claims"/>: the last wins.
    /// </summary>
    public ClaimUpsertResult Upsert(IEnumerable<FactCheck> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        var revision = Scalar<long>(connection, "SELECT value FROM meta WHERE key = 'revision'", transaction) + 1;
        var importedAt = _clock.GetUtcNow();

        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"SELECT {Columns} FROM claims WHERE id = $id";
        var selectId = select.Parameters.Add("$id", SqliteType.Text);
        select.Prepare();

        using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = $"""
            INSERT INTO claims ({Columns}, revision)
            VALUES ($id, $claim, $verdict, $rating, $url, $publisher, $published, $language, $text, $imported_at, $revision)
            ON CONFLICT (id) DO UPDATE SET claim = excluded.claim, verdict = excluded.verdict, rating = excluded.rating,
                url = excluded.url, publisher = excluded.publisher, published = excluded.published,
                language = excluded.language, text = excluded.text, imported_at = excluded.imported_at, revision = excluded.revision
            """;
        var p = new[] { "$id", "$claim", "$verdict", "$rating", "$url", "$publisher", "$published", "$language", "$text", "$imported_at", "$revision" }
            .Select(name => write.Parameters.Add(name, name == "$revision" ? SqliteType.Integer : SqliteType.Text))
            .ToArray();
        write.Prepare();
        p[9].Value = importedAt.ToString("O", CultureInfo.InvariantCulture);
        p[10].Value = revision;

        int added = 0, updated = 0, unchanged = 0;
        foreach (var claim in claims)
        {
            Validate(claim);
            selectId.Value = claim.Id;
            FactCheck? stored;
            using (var reader = select.ExecuteReader())
            {
                stored = reader.Read() ? ReadRow(reader) : null;
            }

            if (stored is not null && stored.SameContentAs(claim))
            {
                unchanged++;
                continue;
            }

            p[0].Value = claim.Id;
            p[1].Value = claim.Claim;
            p[2].Value = (object?)claim.Verdict ?? DBNull.Value;
            p[3].Value = ClaimRatings.Name(claim.Rating);
            p[4].Value = (object?)claim.Url ?? DBNull.Value;
            p[5].Value = (object?)claim.Publisher ?? DBNull.Value;
            p[6].Value = claim.Published is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
            p[7].Value = claim.Language;
            p[8].Value = (object?)claim.Text ?? DBNull.Value;
            write.ExecuteNonQuery();
            if (stored is null)
            {
                added++;
            }
            else
            {
                updated++;
            }
        }

        if (added + updated > 0)
        {
            Execute(connection, $"UPDATE meta SET value = {revision} WHERE key = 'revision'", transaction);
        }
        else
        {
            revision--;
        }

        var total = Scalar<long>(connection, "SELECT count(*) FROM claims", transaction);
        transaction.Commit();
        return new ClaimUpsertResult(added, updated, unchanged, total, revision);
    }

    /// <summary>The claim with this id, or null.</summary>
    public FactCheck? Get(string id)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM claims WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRow(reader) : null;
    }

    /// <summary>Removes a claim; false when there was none with this id (the revision then stays).</summary>
    public bool Delete(string id)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM claims WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        if (command.ExecuteNonQuery() == 0)
        {
            return false;
        }

        Execute(connection, "UPDATE meta SET value = value + 1 WHERE key = 'revision'", transaction);
        transaction.Commit();
        return true;
    }

    /// <summary>
    /// Streams every claim, ordered by id, from one consistent read (writers are not blocked meanwhile). Read
    /// <see cref="Revision"/> first, or use <see cref="Snapshot"/>, to know which revision an index built from it reflects.
    /// </summary>
    public IEnumerable<FactCheck> ReadAll()
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM claims ORDER BY id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadRow(reader);
        }
    }

    /// <summary>Every claim (ordered by id) with the revision they are at, read in one transaction.</summary>
    public ClaimSnapshot Snapshot()
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: true);
        var revision = Scalar<long>(connection, "SELECT value FROM meta WHERE key = 'revision'", transaction);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM claims ORDER BY id";
        var claims = new List<FactCheck>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            claims.Add(ReadRow(reader));
        }

        return new ClaimSnapshot(revision, claims);
    }

    private static void Validate(FactCheck claim)
    {
        if (string.IsNullOrWhiteSpace(claim.Id))
        {
            throw new ArgumentException("a fact-check needs an id", nameof(claim));
        }

        if (string.IsNullOrWhiteSpace(claim.Claim))
        {
            throw new ArgumentException($"fact-check '{claim.Id}' needs a claim", nameof(claim));
        }
    }

    private static FactCheck ReadRow(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Claim = reader.GetString(1),
        Verdict = reader.IsDBNull(2) ? null : reader.GetString(2),
        Rating = ClaimRatings.Parse(reader.GetString(3)) ?? ClaimRating.Other,
        Url = reader.IsDBNull(4) ? null : reader.GetString(4),
        Publisher = reader.IsDBNull(5) ? null : reader.GetString(5),
        Published = reader.IsDBNull(6) ? null : DateOnly.ParseExact(reader.GetString(6), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Language = reader.GetString(7),
        Text = reader.IsDBNull(8) ? null : reader.GetString(8),
        ImportedAt = DateTimeOffset.Parse(reader.GetString(9), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
    };

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Wait for another process's write lock instead of failing at once.
        Execute(connection, "PRAGMA busy_timeout = 10000");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }
}
