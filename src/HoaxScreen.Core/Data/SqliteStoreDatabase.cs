using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace HoaxScreen.Core.Data;

/// <summary>
/// A store in one SQLite file (WAL journal): one writer and many readers in any number of processes on one machine.
/// The file carries the store's <c>PRAGMA application_id</c> and a <c>schema_version</c> table, so another program's
/// database or another schema is refused in one line naming the file.
/// </summary>
public sealed class SqliteStoreDatabase : StoreDatabase
{
    private readonly string _connectionString;

    public SqliteStoreDatabase(string path)
    {
        Location = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Location,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public override string Location { get; }

    public override void Initialise(StoreSchema schema, Func<string, Exception> error)
    {
        var folder = System.IO.Path.GetDirectoryName(Location);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw error($"{Location}: folder not found");
        }

        if (Directory.Exists(Location))
        {
            throw error($"{Location}: is a folder, not a {schema.Kind} file");
        }

        try
        {
            CreateOrCheck(schema, error);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26 /* SQLITE_NOTADB */ or 11 /* SQLITE_CORRUPT */)
        {
            SqliteConnection.ClearAllPools();
            throw error($"{Location}: not a {schema.Kind} (the file is not a SQLite database)");
        }
        catch (SqliteException ex)
        {
            throw error($"{Location}: cannot open the {schema.Kind}: {ex.Message}");
        }
    }

    public override DbConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Wait for another process's write lock instead of failing at once.
        connection.Execute("PRAGMA busy_timeout = 10000");
        return connection;
    }

    // BEGIN IMMEDIATE: the write lock up front, so two writers never both read then both write.
    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    public override DbTransaction BeginRead(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    // In process: no round trip to save, and a prepared single-row statement binds fastest.
    public override int RowsPerStatement => 1;

    // One store per file: its meta table holds one revision.
    protected override string RevisionKey(StoreSchema schema) => "revision";

    private void CreateOrCheck(StoreSchema schema, Func<string, Exception> error)
    {
        using var connection = Connect();
        var applicationId = connection.Scalar<long>("PRAGMA application_id");
        var tables = connection.Scalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table'");
        if (tables == 0 && applicationId == 0)
        {
            Create(connection, schema);
            return;
        }

        if (applicationId != schema.ApplicationId)
        {
            throw error($"{Location}: not a {schema.Kind} (a SQLite database of another program)");
        }

        var version = connection.Scalar<long>("SELECT max(version) FROM schema_version");
        if (version != schema.Version)
        {
            throw error($"{Location}: {schema.Kind} of schema version {version}; this build reads version {schema.Version}");
        }
    }

    private static void Create(DbConnection connection, StoreSchema schema)
    {
        // WAL is a property of the file: set once, every later connection (any process) uses it.
        connection.Execute("PRAGMA journal_mode = WAL");
        using var transaction = connection.BeginTransaction();
        connection.Execute($"""
            PRAGMA application_id = {schema.ApplicationId};
            CREATE TABLE schema_version (version INTEGER NOT NULL);
            INSERT INTO schema_version (version) VALUES ({schema.Version});
            """, transaction);
        if (schema.HasRevision)
        {
            connection.Execute("""
                CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO meta (key, value) VALUES ('revision', 0);
                """, transaction);
        }

        connection.Execute(Dialect(schema.Tables), transaction);
        transaction.Commit();
    }

    private static string Dialect(string tables) => tables
        .Replace("{identity}", "INTEGER PRIMARY KEY AUTOINCREMENT", StringComparison.Ordinal)
        .Replace("{without_rowid}", "WITHOUT ROWID", StringComparison.Ordinal);
}
