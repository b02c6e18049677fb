using System.Data.Common;
using System.Globalization;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Core.Claims;

/// <summary>
/// The fact-check store: one SQLite file (WAL journal; one writer, many readers, any number of processes), or a shared
/// PostgreSQL database (<see cref="StoreDatabase"/>). Every write (<see cref="Upsert"/>, <see cref="Delete"/>) runs in
/// one transaction and, when it changes something, bumps <see cref="Revision"/>: a matcher polls that number (one
/// indexed read) and rebuilds its index from <see cref="Snapshot"/> or <see cref="ReadAll"/> when it moved. The instance
/// is thread-safe: each call uses its own pooled connection.
/// </summary>
public sealed class ClaimStore
{
    /// <summary>The schema this build reads and writes (table schema_version).</summary>
    public const int SchemaVersion = 1;

    internal const string Columns = "id, claim, verdict, rating, url, publisher, published, language, text, imported_at";

    // Claims whose stored versions are read in one query: an import is a few round trips per 500 claims, not one per
    // claim (what a PostgreSQL import over the network pays for).
    private const int UpsertChunk = 500;

    private static readonly StoreSchema Schema = new("claims", "claims store", ApplicationId: 0x4878436C /* "HxCl" */, SchemaVersion, HasRevision: true, """
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
            revision BIGINT NOT NULL
        );
        """);

    private readonly StoreDatabase _database;
    private readonly TimeProvider _clock;

    private ClaimStore(StoreDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    /// <summary>The store's file as a full path, or its PostgreSQL database's address.</summary>
    public string Path => _database.Location;

    /// <summary>
    /// Opens the store at <paramref name="path"/> (a SQLite file, or a PostgreSQL connection string starting
    /// <c>Host=</c>), creating the file or tables and the schema when missing.
    /// </summary>
    /// <exception cref="ClaimStoreException">The folder is missing, or the file is not a SQLite database, is another
    /// program's database, or is a claims store of another schema version; or the PostgreSQL database cannot be used.</exception>
    public static ClaimStore Open(string path, TimeProvider? clock = null) => Open(StoreDatabase.For(path), clock);

    /// <inheritdoc cref="Open(string, TimeProvider?)"/>
    public static ClaimStore Open(StoreDatabase database, TimeProvider? clock = null)
    {
        database.Initialise(Schema, message => new ClaimStoreException(message));
        return new ClaimStore(database, clock ?? TimeProvider.System);
    }

    /// <summary>
    /// A number that every write which changes the store increases (never decreases, survives reopening). Reading it
    /// is cheap: poll it to notice imports and deletions made by any process.
    /// </summary>
    public long Revision
    {
        get
        {
            using var connection = _database.Connect();
            return _database.ReadRevision(Schema, connection);
        }
    }

    /// <summary>How many claims the store holds.</summary>
    public long Count
    {
        get
        {
            using var connection = _database.Connect();
            return connection.Scalar<long>("SELECT count(*) FROM claims");
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
        using var connection = _database.Connect();
        using var transaction = _database.BeginWrite(connection);
        // The revision first: its row stays locked until commit, so writers through any replica take turns.
        var revision = _database.BumpRevision(Schema, connection, transaction);
        var importedAt = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

        using var writer = new ClaimUpsertWriter(connection, transaction, _database.RowsPerStatement, importedAt, revision);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var chunk in claims.Select(Validated).Chunk(UpsertChunk))
        {
            var stored = ReadStored(connection, transaction, chunk);
            var changed = new Dictionary<string, FactCheck>(StringComparer.Ordinal);
            foreach (var claim in chunk)
            {
                var before = stored.GetValueOrDefault(claim.Id);
                if (before is not null && before.SameContentAs(claim))
                {
                    unchanged++;
                    continue;
                }

                if (before is null)
                {
                    added++;
                }
                else
                {
                    updated++;
                }

                // A later repeat of this id compares with this version, as it would with the row just written.
                stored[claim.Id] = claim;
                changed[claim.Id] = claim;
            }

            writer.Write(changed.Values);
        }

        var total = connection.Scalar<long>("SELECT count(*) FROM claims", transaction);
        if (added + updated == 0)
        {
            // Nothing written: undo the bump, the revision stays.
            transaction.Rollback();
            return new ClaimUpsertResult(added, updated, unchanged, total, revision - 1);
        }

        transaction.Commit();
        return new ClaimUpsertResult(added, updated, unchanged, total, revision);
    }

    /// <summary>The claim with this id, or null.</summary>
    public FactCheck? Get(string id)
    {
        using var connection = _database.Connect();
        using var command = connection.Command($"SELECT {Columns} FROM claims WHERE id = @id");
        command.Bind("@id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRow(reader) : null;
    }

    /// <summary>Removes a claim; false when there was none with this id (the revision then stays).</summary>
    public bool Delete(string id)
    {
        using var connection = _database.Connect();
        using var transaction = _database.BeginWrite(connection);
        if (connection.Execute("DELETE FROM claims WHERE id = @id", transaction, ("@id", id)) == 0)
        {
            return false;
        }

        _database.BumpRevision(Schema, connection, transaction);
        transaction.Commit();
        return true;
    }

    /// <summary>
    /// Streams every claim, ordered by id, from one consistent read (writers are not blocked meanwhile). Read
    /// <see cref="Revision"/> first, or use <see cref="Snapshot"/>, to know which revision an index built from it reflects.
    /// </summary>
    public IEnumerable<FactCheck> ReadAll()
    {
        using var connection = _database.Connect();
        using var transaction = _database.BeginRead(connection);
        using var command = connection.Command($"SELECT {Columns} FROM claims ORDER BY id", transaction);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadRow(reader);
        }
    }

    /// <summary>Every claim (ordered by id) with the revision they are at, read in one transaction.</summary>
    public ClaimSnapshot Snapshot()
    {
        using var connection = _database.Connect();
        using var transaction = _database.BeginRead(connection);
        var revision = _database.ReadRevision(Schema, connection, transaction);
        using var command = connection.Command($"SELECT {Columns} FROM claims ORDER BY id", transaction);
        var claims = new List<FactCheck>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            claims.Add(ReadRow(reader));
        }

        return new ClaimSnapshot(revision, claims);
    }

    /// <summary>The stored versions of the chunk's ids, by id: one query for the whole chunk.</summary>
    private static Dictionary<string, FactCheck> ReadStored(DbConnection connection, DbTransaction transaction, FactCheck[] chunk)
    {
        var ids = chunk.Select(claim => claim.Id).Distinct(StringComparer.Ordinal).ToList();
        using var select = connection.Command(
            $"SELECT {Columns} FROM claims WHERE id IN ({string.Join(", ", ids.Select((_, i) => $"@id{i}"))})", transaction);
        for (var i = 0; i < ids.Count; i++)
        {
            select.Bind($"@id{i}", ids[i]);
        }

        var stored = new Dictionary<string, FactCheck>(StringComparer.Ordinal);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var claim = ReadRow(reader);
            stored[claim.Id] = claim;
        }

        return stored;
    }

    private static FactCheck Validated(FactCheck claim)
    {
        Validate(claim);
        return claim;
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

    private static FactCheck ReadRow(DbDataReader reader) => new()
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
}
