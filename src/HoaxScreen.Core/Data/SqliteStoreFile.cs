using Microsoft.Data.Sqlite;

namespace HoaxScreen.Core.Data;

/// <summary>
/// Opening one of the service's SQLite stores (claims, term lists): the path checked, a pooled connection string, and
/// SQLite's failures turned into one line naming the file, through the store's own exception type.
/// </summary>
public static class SqliteStoreFile
{
    /// <summary>
    /// The full path and connection string of the store at <paramref name="path"/>, after <paramref name="initialise"/>
    /// (create the schema, or check it) has run on it.
    /// </summary>
    /// <param name="kind">What the store is, for messages ("claims store").</param>
    /// <param name="error">The store's exception for a message.</param>
    public static (string Path, string ConnectionString) Open(string path, string kind, Func<string, Exception> error, Action<string, string> initialise)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw error($"{full}: folder not found");
        }

        if (Directory.Exists(full))
        {
            throw error($"{full}: is a folder, not a {kind} file");
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        try
        {
            initialise(full, connectionString);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26 /* SQLITE_NOTADB */ or 11 /* SQLITE_CORRUPT */)
        {
            SqliteConnection.ClearAllPools();
            throw error($"{full}: not a {kind} (the file is not a SQLite database)");
        }
        catch (SqliteException ex)
        {
            throw error($"{full}: cannot open the {kind}: {ex.Message}");
        }

        return (full, connectionString);
    }
}
