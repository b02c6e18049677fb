using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Core.Tests.Data;

/// <summary>The databases a store runs on; the store fixtures run once for each.</summary>
public enum StoreBackend
{
    Sqlite,
    Postgres,
}

/// <summary>Where a store test's store lives: a SQLite file in its folder, or a fresh PostgreSQL database.</summary>
internal static class StoreBackends
{
    public static readonly StoreBackend[] All = [StoreBackend.Sqlite, StoreBackend.Postgres];

    /// <summary>What the stores' Open takes: <paramref name="sqliteFile"/>, or a connection string to a new database.</summary>
    public static string Target(StoreBackend backend, string sqliteFile) =>
        backend == StoreBackend.Sqlite ? sqliteFile : TestPostgres.NewDatabase();

    /// <summary>Ignores a test about SQLite files (their folder, their header) when the fixture runs on PostgreSQL.</summary>
    public static void SqliteOnly(StoreBackend backend)
    {
        if (backend != StoreBackend.Sqlite)
        {
            Assert.Ignore("about SQLite files; the SQLite run of this fixture covers it");
        }
    }

    /// <summary>Closes pooled connections, so a test's file can be deleted and a test's database holds no server slot.</summary>
    public static void ClearPools()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }
}
