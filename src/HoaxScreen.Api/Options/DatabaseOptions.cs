namespace HoaxScreen.Api.Options;

/// <summary>
/// The shared database (configuration section <c>ConnectionStrings</c>, key <c>HoaxScreen</c>; environment
/// <c>ConnectionStrings__HoaxScreen</c>). Set: the claims, term-list and feedback stores all live in that PostgreSQL
/// database and are all on, so every replica pointed at it sees the same claims, lists and feedback (the stores'
/// <c>Path</c> settings are then not used). Unset: each store is the SQLite file its own <c>Path</c> names, as before.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "ConnectionStrings";

    /// <summary>An Npgsql connection string: <c>Host=db;Database=hoaxscreen;Username=hoaxscreen;Password=...</c>.</summary>
    public string? HoaxScreen { get; set; }

    public bool Shared => !string.IsNullOrWhiteSpace(HoaxScreen);

    /// <summary>Where a store opens: the shared database's connection string when set, else its own SQLite file.</summary>
    public string StoreLocation(Func<string> sqliteFile) => Shared ? HoaxScreen! : sqliteFile();

    /// <summary>
    /// Whether the shared database is configured, read without validating it: the stores' own validators ask this, so a
    /// database that cannot be reached is reported once, by <see cref="DatabaseOptionsValidator"/>.
    /// </summary>
    public static bool IsShared(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(nameof(HoaxScreen)));
}
