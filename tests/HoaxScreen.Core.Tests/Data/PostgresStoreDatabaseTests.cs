using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Feedback;
using HoaxScreen.Core.TermLists;
using HoaxScreen.Tests.Shared;
using Npgsql;

namespace HoaxScreen.Core.Tests.Data;

/// <summary>
/// What only the shared PostgreSQL database has: three stores in one schema, each with its own revision; replicas
/// creating the tables at the same moment; and refusals in one line naming the server, never its password.
/// </summary>
public class PostgresStoreDatabaseTests
{
    [TearDown]
    public void ClearPools() => StoreBackends.ClearPools();

    [Test]
    public void Open_UnreachableServer_RefusedInOneLineNamingTheServerWithoutThePassword()
    {
        var error = Assert.Throws<ClaimStoreException>(() =>
            ClaimStore.Open("Host=127.0.0.1;Port=1;Database=hoax;Username=u;Password=rahasia;Timeout=3"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.StartWith("PostgreSQL 127.0.0.1:1/hoax: cannot open the claims store: "));
            Assert.That(error.Message, Does.Not.Contain("rahasia").And.Not.Contain("\n").And.Not.Contain("   at "));
        });
    }

    [TestCase("Host=db;Nonsense=1", "not a valid PostgreSQL connection string")]
    [TestCase("Host=127.0.0.1;Port=1;Database=hoax;Timeout=3", "cannot reach PostgreSQL 127.0.0.1:1/hoax")]
    public void Problem_UnusableConnectionString_SaysWhyInPlainWords(string connectionString, string expected) =>
        Assert.That(PostgresStoreDatabase.Problem(connectionString), Does.StartWith(expected));

    [TestCase("Host=db;Database=hoax", true)]
    [TestCase("  host=db", true)]
    [TestCase("data/claims.db", false)]
    [TestCase("/srv/Host=odd/claims.db", false)]
    public void IsConnectionString_HostPrefixOnly(string value, bool expected) =>
        Assert.That(PostgresStoreDatabase.IsConnectionString(value), Is.EqualTo(expected));

    [Test]
    public void Problem_RunningServer_Null() =>
        Assert.That(PostgresStoreDatabase.Problem(TestPostgres.NewDatabase()), Is.Null);

    [Test]
    public void Open_ThreeStoresOnOneDatabase_EachKeepsItsOwnRevision()
    {
        var database = TestPostgres.NewDatabase();
        var claims = ClaimStore.Open(database);
        var lists = TermListStore.Open(database);
        var feedback = FeedbackStore.Open(database);

        lists.Put(new TermList("paslon", ["Hendra Wijaya"], Flag: false));
        lists.Put(new TermList("kasar", ["anjir"], Flag: true));
        claims.Upsert([new FactCheck { Id = "a", Claim = "Klaim uji", Rating = ClaimRating.False }]);
        feedback.Add(new NewFeedback("post", new Dictionary<string, bool> { ["hoax"] = true }), "m1", new Dictionary<string, ModelJudgement>());

        Assert.Multiple(() =>
        {
            Assert.That((claims.Revision, lists.Revision), Is.EqualTo((1L, 2L)));
            Assert.That((claims.Count, lists.All().Count, feedback.Count()), Is.EqualTo((1L, 2, 1)));
            Assert.That(claims.Path, Does.StartWith("PostgreSQL 127.0.0.1:").Or.StartWith("PostgreSQL "));
        });
    }

    [Test]
    public void Open_ReplicasStartingTogether_CreateTheTablesOnce()
    {
        var database = TestPostgres.NewDatabase();

        var stores = Enumerable.Range(0, 6).AsParallel().WithDegreeOfParallelism(6).Select(_ => ClaimStore.Open(database)).ToList();
        stores[0].Upsert([new FactCheck { Id = "a", Claim = "Klaim uji", Rating = ClaimRating.False }]);

        Assert.That(stores.Select(store => store.Revision), Is.All.EqualTo(1L));
    }

    [Test]
    public void Open_OtherSchemaVersion_RefusedNamingTheServer()
    {
        var database = TestPostgres.NewDatabase();
        var location = ClaimStore.Open(database).Path;
        using (var connection = new NpgsqlConnection(database))
        {
            connection.Open();
            using var command = new NpgsqlCommand("UPDATE hoaxscreen.schema_version SET version = 7 WHERE store = 'claims'", connection);
            command.ExecuteNonQuery();
        }

        Assert.That(() => ClaimStore.Open(database),
            Throws.TypeOf<ClaimStoreException>().With.Message.EqualTo($"{location}: claims store of schema version 7; this build reads version 1"));
    }

    [Test]
    public void Upsert_TwoWritersAtOnce_EveryChangeCountedOnce()
    {
        var database = TestPostgres.NewDatabase();
        var a = ClaimStore.Open(database);
        var b = ClaimStore.Open(database);

        Parallel.For(0, 20, i => (i % 2 == 0 ? a : b).Upsert([new FactCheck { Id = $"c{i}", Claim = $"Klaim {i}", Rating = ClaimRating.False }]));

        Assert.That((a.Count, a.Revision), Is.EqualTo((20L, 20L)));
    }
}
