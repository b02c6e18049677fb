using System.Data.Common;

namespace HoaxScreen.Core.Data;

/// <summary>
/// Where the stores (claims, term lists, feedback) keep their rows: an embedded SQLite file by default, or a PostgreSQL
/// database that several replicas share. The stores' SQL is written once (named <c>@parameters</c>,
/// <c>ON CONFLICT</c> upserts, <c>RETURNING</c>); this type holds what differs: connections, transactions, schema
/// creation and checks, and the plain-words errors.
/// </summary>
public abstract class StoreDatabase
{
    /// <summary>The SQLite file's full path, or the PostgreSQL database's address (never its password).</summary>
    public abstract string Location { get; }

    /// <summary>
    /// A PostgreSQL database when <paramref name="pathOrConnectionString"/> is a connection string
    /// (<c>Host=...;Database=...</c>), else the SQLite file at that path.
    /// </summary>
    public static StoreDatabase For(string pathOrConnectionString) =>
        PostgresStoreDatabase.IsConnectionString(pathOrConnectionString)
            ? new PostgresStoreDatabase(pathOrConnectionString)
            : new SqliteStoreDatabase(pathOrConnectionString);

    /// <summary>Creates the store's tables when missing, else checks they are this store's, of this schema version.</summary>
    /// <param name="error">The store's exception for a one-line message.</param>
    public abstract void Initialise(StoreSchema schema, Func<string, Exception> error);

    /// <summary>An open connection; each call its own (pooled), so a store is thread-safe.</summary>
    public abstract DbConnection Connect();

    /// <summary>A transaction for a change: writers of one store take turns.</summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>A transaction whose reads all see one moment, without blocking writers.</summary>
    public abstract DbTransaction BeginRead(DbConnection connection);

    /// <summary>
    /// How many rows a bulk write puts in one statement: many where each statement is a round trip to a server, one
    /// where the database is in process.
    /// </summary>
    public abstract int RowsPerStatement { get; }

    /// <summary>The store's revision: increases with every committed change, so a replica polling it sees them all.</summary>
    public long ReadRevision(StoreSchema schema, DbConnection connection, DbTransaction? transaction = null) =>
        connection.Scalar<long>("SELECT value FROM meta WHERE key = @key", transaction, ("@key", RevisionKey(schema)));

    /// <summary>Moves the store's revision on inside a change's transaction; the new revision.</summary>
    // One statement: the revision row stays locked until commit, so writers through any replica take turns.
    public long BumpRevision(StoreSchema schema, DbConnection connection, DbTransaction transaction) =>
        connection.Scalar<long>("UPDATE meta SET value = value + 1 WHERE key = @key RETURNING value", transaction, ("@key", RevisionKey(schema)));

    /// <summary>The store's row in the <c>meta</c> table that holds its revision.</summary>
    protected abstract string RevisionKey(StoreSchema schema);
}
