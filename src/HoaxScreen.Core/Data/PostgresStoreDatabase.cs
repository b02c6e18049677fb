using System.Data;
using System.Data.Common;
using Npgsql;

namespace HoaxScreen.Core.Data;

/// <summary>
/// The stores in one PostgreSQL database, shared by any number of replicas. Every store's tables live in the schema
/// <see cref="SchemaName"/> (created on first use), with one <c>schema_version</c> row and one <c>meta</c> revision row
/// per store; a write bumps its store's revision in its own transaction, so a replica polling the revision sees every
/// committed change.
/// </summary>
public sealed class PostgresStoreDatabase : StoreDatabase
{
    /// <summary>The PostgreSQL schema (namespace) that holds every store's tables.</summary>
    public const string SchemaName = "hoaxscreen";

    // pg_advisory_xact_lock key ("HxSc"): replicas starting together create the tables one at a time.
    private const long CreateLock = 0x48785363;

    private readonly string _connectionString;

    /// <exception cref="ArgumentException">The connection string has an unknown keyword or a bad value.</exception>
    public PostgresStoreDatabase(string connectionString)
    {
        // Auto-prepare: an import runs the same two statements per claim, parsed once per connection instead of each time.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = SchemaName };
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 16;
        }

        _connectionString = builder.ConnectionString;
        Location = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }

    public override string Location { get; }

    /// <summary>Whether <paramref name="value"/> is a PostgreSQL connection string (it starts with <c>Host=</c>) rather than a file path.</summary>
    public static bool IsConnectionString(string? value) =>
        value?.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// Why the database at <paramref name="connectionString"/> cannot be used, in plain words; null when a connection
    /// opens. For checks at start-up, so a wrong host or password is one line before any request.
    /// </summary>
    public static string? Problem(string connectionString)
    {
        try
        {
            var database = new PostgresStoreDatabase(connectionString);
            try
            {
                using var connection = database.Connect();
                return null;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                return $"cannot reach {database.Location}: {Reason(ex)}";
            }
        }
        catch (ArgumentException ex)
        {
            return $"not a valid PostgreSQL connection string: {ex.Message}";
        }
    }

    public override void Initialise(StoreSchema schema, Func<string, Exception> error)
    {
        try
        {
            using var connection = Connect();
            using var transaction = connection.BeginTransaction();
            connection.Execute($"""
                SELECT pg_advisory_xact_lock({CreateLock});
                CREATE SCHEMA IF NOT EXISTS {SchemaName};
                CREATE TABLE IF NOT EXISTS schema_version (store TEXT PRIMARY KEY, version BIGINT NOT NULL);
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
                """, transaction);
            var version = connection.Scalar<long?>(
                "SELECT version FROM schema_version WHERE store = @store", transaction, ("@store", schema.Name));
            if (version is null)
            {
                connection.Execute(Dialect(schema.Tables), transaction);
                connection.Execute("INSERT INTO schema_version (store, version) VALUES (@store, @version)", transaction,
                    ("@store", schema.Name), ("@version", (long)schema.Version));
                if (schema.HasRevision)
                {
                    connection.Execute("INSERT INTO meta (key, value) VALUES (@key, 0)", transaction, ("@key", RevisionKey(schema)));
                }
            }
            else if (version != schema.Version)
            {
                throw error($"{Location}: {schema.Kind} of schema version {version}; this build reads version {schema.Version}");
            }

            transaction.Commit();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw error($"{Location}: cannot open the {schema.Kind}: {Reason(ex)}");
        }
    }

    public override DbConnection Connect()
    {
        var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        return connection;
    }

    // Read committed: each store's write takes its revision row first (UPDATE ... RETURNING), which queues writers.
    public override DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction(IsolationLevel.ReadCommitted);

    // Repeatable read: the revision and the rows of a snapshot come from one moment.
    public override DbTransaction BeginRead(DbConnection connection) => connection.BeginTransaction(IsolationLevel.RepeatableRead);

    // A round trip per statement: 100 rows (900 parameters) to one.
    public override int RowsPerStatement => 100;

    protected override string RevisionKey(StoreSchema schema) => $"{schema.Name}.revision";

    /// <summary>The server's own words when it answered, else the network's (refused, unknown host, timeout).</summary>
    private static string Reason(Exception ex) => ex switch
    {
        PostgresException postgres => postgres.MessageText,
        { InnerException: { } inner } when inner is not NpgsqlException => $"{ex.Message} ({inner.Message})",
        _ => ex.Message,
    };

    private static string Dialect(string tables) => tables
        .Replace("{identity}", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", StringComparison.Ordinal)
        .Replace("{without_rowid}", string.Empty, StringComparison.Ordinal);
}
