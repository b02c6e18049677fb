namespace HoaxScreen.Core.Data;

/// <summary>
/// What one store keeps, written once for both databases: <see cref="Tables"/> is portable SQL in which
/// <c>{identity}</c> stands for an auto-numbered primary key and <c>{without_rowid}</c> for SQLite's table option.
/// </summary>
/// <param name="Name">The store's name in a shared database ("claims"); keys its schema version and revision.</param>
/// <param name="Kind">What the store is, for messages ("claims store").</param>
/// <param name="ApplicationId">SQLite's <c>PRAGMA application_id</c>: tells this store's file from any other SQLite file.</param>
/// <param name="Version">The schema this build reads and writes.</param>
/// <param name="HasRevision">Whether the store keeps a revision counter that matchers poll.</param>
/// <param name="Tables">The store's own tables.</param>
public sealed record StoreSchema(string Name, string Kind, int ApplicationId, int Version, bool HasRevision, string Tables);
