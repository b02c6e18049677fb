using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Tests.Data;
using Microsoft.Data.Sqlite;

namespace HoaxScreen.Core.Tests.Claims;

[TestFixtureSource(typeof(StoreBackends), nameof(StoreBackends.All))]
public class ClaimStoreTests(StoreBackend backend)
{
    private string _folder = null!;
    private string _db = null!;

    // The SQLite file, or a PostgreSQL connection string: what ClaimStore.Open takes either way.
    private string _store = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Directory.CreateTempSubdirectory("hoaxscreen-claims-").FullName;
        _db = Path.Combine(_folder, "claims.db");
        _store = StoreBackends.Target(backend, _db);
    }

    [TearDown]
    public void DeleteFolder()
    {
        StoreBackends.ClearPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static FactCheck Claim(string id, string claim = "Klaim uji", string? verdict = "SALAH") => new()
    {
        Id = id,
        Claim = claim,
        Verdict = verdict,
        Rating = ClaimRatings.FromVerdict(verdict),
        Url = $"https://example.org/cek/{id}",
        Publisher = "Tim Uji Fakta",
        Published = new DateOnly(2024, 3, 5),
        Text = "teks yang beredar",
    };

    [Test]
    public void Open_NewPath_CreatesAnEmptyStoreAtRevisionZero()
    {
        var store = ClaimStore.Open(_store);

        Assert.That((store.Count, store.Revision), Is.EqualTo((0L, 0L)));
        Assert.That(File.Exists(_db), Is.EqualTo(backend == StoreBackend.Sqlite));
    }

    [Test]
    public void Upsert_NewClaims_AddsThemAndGetReturnsEveryField()
    {
        var store = ClaimStore.Open(_store);

        var result = store.Upsert([Claim("a"), Claim("b", verdict: null)]);
        var a = store.Get("a")!;

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(new ClaimUpsertResult(2, 0, 0, 2, 1)));
            Assert.That(a.SameContentAs(Claim("a")), a.ToString());
            Assert.That(a.ImportedAt, Is.Not.EqualTo(default(DateTimeOffset)), "set by the store");
            Assert.That(store.Get("b")!.Verdict, Is.Null);
            Assert.That(store.Get("b")!.Rating, Is.EqualTo(ClaimRating.Other));
            Assert.That(store.Get("zz"), Is.Null);
        });
    }

    [Test]
    public void Upsert_SameClaimsAgain_ChangesNothingAndKeepsTheRevision()
    {
        var store = ClaimStore.Open(_store);
        store.Upsert([Claim("a"), Claim("b")]);
        var before = store.Get("a")!.ImportedAt;

        var again = store.Upsert([Claim("a"), Claim("b")]);

        Assert.That(again, Is.EqualTo(new ClaimUpsertResult(0, 0, 2, 2, 1)));
        Assert.That(store.Get("a")!.ImportedAt, Is.EqualTo(before));
    }

    [Test]
    public void Upsert_ChangedClaim_UpdatesItAndBumpsTheRevision()
    {
        var store = ClaimStore.Open(_store);
        store.Upsert([Claim("a"), Claim("b")]);

        var result = store.Upsert([Claim("a", verdict: "MENYESATKAN"), Claim("c")]);

        Assert.That(result, Is.EqualTo(new ClaimUpsertResult(1, 1, 0, 3, 2)));
        Assert.That(store.Get("a")!.Rating, Is.EqualTo(ClaimRating.Misleading));
    }

    [Test]
    public void Upsert_IdRepeatedInOneCall_LastWinsCountedAsAddedThenUpdated()
    {
        var store = ClaimStore.Open(_store);

        var result = store.Upsert([Claim("a"), Claim("a", verdict: "MENYESATKAN"), Claim("a", verdict: "MENYESATKAN")]);

        Assert.That(result, Is.EqualTo(new ClaimUpsertResult(1, 1, 1, 1, 1)));
        Assert.That(store.Get("a")!.Rating, Is.EqualTo(ClaimRating.Misleading));
    }

    /// <summary>More claims than one read-and-write round (500): every one counted and stored once.</summary>
    [Test]
    public void Upsert_MoreClaimsThanOneRound_EveryClaimCountedOnce()
    {
        var store = ClaimStore.Open(_store);
        var claims = Enumerable.Range(0, 1_201).Select(i => Claim($"c{i:D4}")).ToList();
        store.Upsert(claims.Take(600));

        var result = store.Upsert([.. claims, Claim("c0599", verdict: "MENYESATKAN")]);

        Assert.That(result, Is.EqualTo(new ClaimUpsertResult(601, 1, 600, 1_201, 2)));
        Assert.That(store.Get("c0599")!.Rating, Is.EqualTo(ClaimRating.Misleading));
    }

    [Test]
    public void Upsert_FailingMidway_ChangesNothing()
    {
        var store = ClaimStore.Open(_store);
        store.Upsert([Claim("a"), Claim("b")]);
        var before = store.ReadAll().ToList();

        static IEnumerable<FactCheck> Failing()
        {
            yield return Claim("a", claim: "Diubah");
            yield return Claim("new");
            throw new ClaimImportException("bad.csv:4: missing claim");
        }

        Assert.That(() => store.Upsert(Failing()), Throws.TypeOf<ClaimImportException>());
        Assert.Multiple(() =>
        {
            Assert.That(store.Count, Is.EqualTo(2));
            Assert.That(store.Revision, Is.EqualTo(1));
            Assert.That(store.ReadAll().ToList(), Is.EqualTo(before));
        });
    }

    [Test]
    public void Upsert_BadFileFromDisk_ChangesNothing()
    {
        var store = ClaimStore.Open(_store);
        store.Upsert(ClaimImport.Load(ClaimFixtures.Path("good.csv")).Claims);
        var before = store.ReadAll().ToList();

        // missing-id.csv's first row would update uji-1: the whole file is refused before anything is written.
        Assert.That(() => store.Upsert(ClaimImport.Read(ClaimFixtures.Path("missing-id.csv"))), Throws.TypeOf<ClaimImportException>());

        Assert.That(store.ReadAll().ToList(), Is.EqualTo(before));
        Assert.That(store.Revision, Is.EqualTo(1));
    }

    [Test]
    public void Delete_ExistingAndMissing_RemovesOnceAndBumpsTheRevisionOnce()
    {
        var store = ClaimStore.Open(_store);
        store.Upsert([Claim("a"), Claim("b")]);

        Assert.Multiple(() =>
        {
            Assert.That(store.Delete("a"), Is.True);
            Assert.That(store.Delete("a"), Is.False);
            Assert.That(store.Get("a"), Is.Null);
            Assert.That(store.Count, Is.EqualTo(1));
            Assert.That(store.Revision, Is.EqualTo(2));
        });
    }

    [Test]
    public void Open_Reopened_SeesClaimsAndRevisionFromDisk()
    {
        ClaimStore.Open(_store).Upsert([Claim("b"), Claim("a")]);
        StoreBackends.ClearPools();

        var reopened = ClaimStore.Open(_store);

        Assert.That(reopened.ReadAll().Select(c => c.Id), Is.EqualTo(new[] { "a", "b" }), "ordered by id");
        Assert.That(reopened.Revision, Is.EqualTo(1));
    }

    [Test]
    public void Snapshot_ReturnsEveryClaimWithItsRevision()
    {
        var store = ClaimStore.Open(_store);
        store.Upsert([Claim("a")]);
        store.Upsert([Claim("b")]);

        var snapshot = store.Snapshot();

        Assert.That(snapshot.Revision, Is.EqualTo(2));
        Assert.That(snapshot.Claims.Select(c => c.Id), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Revision_WriteThroughAnotherInstance_IsSeen()
    {
        var reader = ClaimStore.Open(_store);
        var writer = ClaimStore.Open(_store);
        var before = reader.Revision;

        writer.Upsert([Claim("a")]);

        Assert.That(reader.Revision, Is.GreaterThan(before));
        Assert.That(reader.Get("a"), Is.Not.Null);
    }

    [Test]
    public void ReadAll_WhileAWriteCommits_StreamsOneConsistentSnapshot()
    {
        var store = ClaimStore.Open(_store);
        store.Upsert([Claim("a"), Claim("b"), Claim("c")]);

        var seen = new List<string>();
        foreach (var claim in store.ReadAll())
        {
            if (seen.Count == 0)
            {
                store.Upsert([Claim("aa")]);
                store.Delete("c");
            }

            seen.Add(claim.Id);
        }

        Assert.That(seen, Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(store.ReadAll().Select(c => c.Id), Is.EqualTo(new[] { "a", "aa", "b" }));
    }

    [Test]
    public void Open_TextFile_RefusedWithOneLine()
    {
        StoreBackends.SqliteOnly(backend);
        File.WriteAllText(_db, "id,claim\nnot,a database at all but long enough to have a header of some kind\n");

        var error = Assert.Throws<ClaimStoreException>(() => ClaimStore.Open(_db))!;

        Assert.That(error.Message, Is.EqualTo($"{_db}: not a claims store (the file is not a SQLite database)"));
    }

    [Test]
    public void Open_OtherSqliteDatabase_Refused()
    {
        StoreBackends.SqliteOnly(backend);
        using (var connection = new SqliteConnection($"Data Source={_db}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE feedback (id INTEGER)";
            command.ExecuteNonQuery();
        }

        Assert.That(() => ClaimStore.Open(_db),
            Throws.TypeOf<ClaimStoreException>().With.Message.EqualTo($"{_db}: not a claims store (a SQLite database of another program)"));
    }

    [Test]
    public void Open_OtherSchemaVersion_Refused()
    {
        StoreBackends.SqliteOnly(backend);
        ClaimStore.Open(_db);
        using (var connection = new SqliteConnection($"Data Source={_db}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE schema_version SET version = 7";
            command.ExecuteNonQuery();
        }

        Assert.That(() => ClaimStore.Open(_db),
            Throws.TypeOf<ClaimStoreException>().With.Message.EqualTo($"{_db}: claims store of schema version 7; this build reads version 1"));
    }

    [Test]
    public void Open_MissingFolder_Refused()
    {
        StoreBackends.SqliteOnly(backend);
        Assert.That(() => ClaimStore.Open(Path.Combine(_folder, "nope", "claims.db")),
            Throws.TypeOf<ClaimStoreException>().With.Message.Contains("folder not found"));
    }

    /// <summary>Import-speed note (README): 100,000 generated claims in one upsert. Run by hand; no timing is asserted.</summary>
    [Test]
    [Explicit("measurement for the README, not a test")]
    public void Upsert_100000GeneratedClaims_Measure()
    {
        var store = ClaimStore.Open(_store);
        var claims = Enumerable.Range(0, 100_000).Select(i => Claim($"gen-{i:D6}", $"Klaim buatan nomor {i} tentang topik {i % 997} yang beredar di grup", i % 3 == 0 ? "MENYESATKAN" : "SALAH")).ToList();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var first = store.Upsert(claims);
        var firstTime = watch.Elapsed;
        watch.Restart();
        var again = store.Upsert(claims);
        var againTime = watch.Elapsed;
        watch.Restart();
        var all = store.Snapshot();
        var readTime = watch.Elapsed;

        TestContext.Out.WriteLine($"insert 100,000: {firstTime.TotalSeconds:F2} s ({first}); re-import unchanged: {againTime.TotalSeconds:F2} s; snapshot of {all.Claims.Count}: {readTime.TotalSeconds:F2} s ({backend}{(File.Exists(_db) ? $", file {new FileInfo(_db).Length / 1e6:F1} MB" : "")})");
        Assert.That(first.Added, Is.EqualTo(100_000));
    }
}
