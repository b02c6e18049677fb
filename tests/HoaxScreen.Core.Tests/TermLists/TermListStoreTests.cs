using HoaxScreen.Core.TermLists;
using HoaxScreen.Core.Tests.Data;

namespace HoaxScreen.Core.Tests.TermLists;

/// <summary>The term-list store: whole-list writes, a revision other processes can poll, and refusals in plain words.</summary>
[TestFixtureSource(typeof(StoreBackends), nameof(StoreBackends.All))]
public class TermListStoreTests(StoreBackend backend)
{
    private string _folder = "";

    // The SQLite file, or a PostgreSQL connection string: what TermListStore.Open takes either way.
    private string _store = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Directory.CreateTempSubdirectory("hoaxscreen-termlists-").FullName;
        _store = StoreBackends.Target(backend, StorePath);
    }

    [TearDown]
    public void DeleteFolder()
    {
        StoreBackends.ClearPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string StorePath => Path.Combine(_folder, "termlists.db");

    [Test]
    public void Put_NewList_StoredTrimmedWithoutRepeatsAndTheRevisionMoves()
    {
        var store = TermListStore.Open(_store);
        var before = store.Revision;

        Assert.That(store.Put(new TermList("slurs", [" kafir ", "cebong", "kafir"], Flag: true)), Is.True);

        Assert.That(store.Get("slurs"), Is.EqualTo(new TermList("slurs", ["kafir", "cebong"], true)).Using<TermList>(SameList));
        Assert.That(store.Revision, Is.GreaterThan(before));
    }

    [Test]
    public void Put_SameListAgain_ChangesNothing()
    {
        var store = TermListStore.Open(_store);
        store.Put(new TermList("paslon", ["Hendra Wijaya"], Flag: false));
        var revision = store.Revision;

        Assert.That(store.Put(new TermList("paslon", ["Hendra Wijaya"], Flag: false)), Is.False);
        Assert.That(store.Revision, Is.EqualTo(revision));
        Assert.That(store.Put(new TermList("paslon", ["Hendra Wijaya"], Flag: true)), Is.True, "the flag is part of the list");
    }

    [Test]
    public void Delete_ListThenMissingList_TrueThenFalse()
    {
        var store = TermListStore.Open(_store);
        store.Put(new TermList("a", ["x"], Flag: false));

        Assert.That(store.Delete("a"), Is.True);
        Assert.That(store.Delete("a"), Is.False);
        Assert.That(store.Get("a"), Is.Null);
    }

    [Test]
    public void Snapshot_WrittenByAnotherInstance_SeenWithItsRevision()
    {
        var writer = TermListStore.Open(_store);
        var reader = TermListStore.Open(_store);
        writer.Put(new TermList("b", ["dua"], Flag: false));
        writer.Put(new TermList("a", ["satu"], Flag: true));

        var (lists, revision) = reader.Snapshot();

        Assert.That(lists.Select(l => l.Name), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(revision, Is.EqualTo(writer.Revision));
    }

    [TestCase("Bad Name", "name must be")]
    [TestCase("", "name must be")]
    public void Put_BadName_RefusedInPlainWords(string name, string expected) =>
        Assert.That(() => TermListStore.Open(_store).Put(new TermList(name, ["x"], false)),
            Throws.TypeOf<TermListStoreException>().With.Message.Contains(expected));

    [Test]
    public void Problems_BlankAndOverlongTerms_NamedByPosition()
    {
        var problems = TermListStore.Problems("ok", ["fine", " ", new string('a', TermListStore.MaxTermLength + 1)]).ToList();

        Assert.That(problems, Is.EqualTo(new[] { "terms[1] is blank", $"terms[2] has {TermListStore.MaxTermLength + 1} characters; at most {TermListStore.MaxTermLength}" }));
    }

    [Test]
    public void Open_OtherSqliteFileOrNotADatabase_RefusedNamingTheFile()
    {
        StoreBackends.SqliteOnly(backend);
        File.WriteAllText(StorePath, "not a database at all, just text that is long enough to be read as a header.....");

        Assert.That(() => TermListStore.Open(StorePath), Throws.TypeOf<TermListStoreException>().With.Message.StartsWith(StorePath).And.Message.Contains("not a term-list store"));
    }

    private static bool SameList(TermList a, TermList b) => a.Name == b.Name && a.Flag == b.Flag && a.Terms.SequenceEqual(b.Terms);
}
