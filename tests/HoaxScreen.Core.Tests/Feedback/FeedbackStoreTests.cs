using HoaxScreen.Core.Feedback;
using HoaxScreen.Core.Tests.Data;
using Microsoft.Data.Sqlite;

namespace HoaxScreen.Core.Tests.Feedback;

/// <summary>
/// The feedback store: judged labels kept apart from unjudged ones, the model's verdicts at the time, agreement figures
/// checked against hand counts, retention, paging and the canonical export.
/// </summary>
[TestFixtureSource(typeof(StoreBackends), nameof(StoreBackends.All))]
public class FeedbackStoreTests(StoreBackend backend)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private string _folder = "";
    private ManualClock _clock = null!;

    // The SQLite file, or a PostgreSQL connection string: what FeedbackStore.Open takes either way.
    private string _store = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Directory.CreateTempSubdirectory("hoaxscreen-feedback-").FullName;
        _clock = new ManualClock(Start);
        _store = StoreBackends.Target(backend, StorePath);
    }

    [TearDown]
    public void DeleteFolder()
    {
        StoreBackends.ClearPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string StorePath => Path.Combine(_folder, "feedback.db");

    private FeedbackStore Open() => FeedbackStore.Open(_store, _clock);

    private static Dictionary<string, ModelJudgement> Scores(params (string Label, float Score, bool Flagged)[] scores) =>
        scores.ToDictionary(s => s.Label, s => new ModelJudgement(s.Score, s.Flagged));

    private static FeedbackDecision AddJudged(FeedbackStore store, bool judgedHoax, bool modelFlagged) =>
        store.Add(new NewFeedback("post", new Dictionary<string, bool> { ["hoax"] = judgedHoax }), "m1",
            Scores(("hoax", modelFlagged ? 0.9f : 0.1f, modelFlagged), ("sara", 0.2f, false)));

    [Test]
    public void Add_SomeLabelsJudged_StoresThoseLabelsOnlyAndEveryScore()
    {
        var store = Open();

        var stored = store.Add(
            new NewFeedback("vaksin mengandung chip", new Dictionary<string, bool> { ["hoax"] = true }, "wa-1", "tc-0001", true, "catatan"),
            "20261206-abc", Scores(("hoax", 0.81f, true), ("sara", 0.05f, false)));

        var read = store.Get(stored.Id)!;
        Assert.Multiple(() =>
        {
            Assert.That(read.Labels, Is.EqualTo(new Dictionary<string, bool> { ["hoax"] = true }), "sara was not judged: not stored as false");
            Assert.That(read.Scores["sara"], Is.EqualTo(new ModelJudgement(0.05f, false)));
            Assert.That(read.Scores["hoax"], Is.EqualTo(new ModelJudgement(0.81f, true)));
            Assert.That((read.ClientId, read.ClaimId, read.ClaimCorrect, read.Note, read.Model), Is.EqualTo(("wa-1", "tc-0001", (bool?)true, "catatan", "20261206-abc")));
            Assert.That(read.ReceivedAt, Is.EqualTo(Start));
            Assert.That(read.Text, Is.EqualTo("vaksin mengandung chip"));
        });
    }

    [Test]
    public void Add_IdsAreGeneratedAndDistinct()
    {
        var store = Open();

        var first = AddJudged(store, true, true);
        var second = AddJudged(store, false, false);

        Assert.That(second.Id, Is.Not.EqualTo(first.Id));
    }

    [Test]
    public void Add_NoLabelAndNoClaimJudgement_RefusedInPlainWords()
    {
        var store = Open();

        var refused = Assert.Throws<FeedbackStoreException>(() => store.Add(new NewFeedback("post", new Dictionary<string, bool>()), "m1", Scores()));

        Assert.That(refused!.Message, Does.Contain("at least one judged label"));
        Assert.That(store.Count(), Is.Zero);
    }

    [Test]
    public void Add_ClaimCorrectWithoutClaimId_Refused()
    {
        var store = Open();

        Assert.Throws<FeedbackStoreException>(() => store.Add(new NewFeedback("post", new Dictionary<string, bool>(), ClaimCorrect: false), "m1", Scores()));
    }

    [Test]
    public void Summary_KnownDecisions_PrecisionAndRecallAsCountedByHand()
    {
        var store = Open();
        // hoax: 3 judged positive (model flagged 2 of them), 2 judged negative (model flagged 1): precision 2/3, recall 2/3.
        AddJudged(store, judgedHoax: true, modelFlagged: true);
        AddJudged(store, judgedHoax: true, modelFlagged: true);
        AddJudged(store, judgedHoax: true, modelFlagged: false);
        AddJudged(store, judgedHoax: false, modelFlagged: true);
        AddJudged(store, judgedHoax: false, modelFlagged: false);

        var summary = store.Summary(days: 30);

        var hoax = summary.Overall.Single(a => a.Label == "hoax");
        Assert.Multiple(() =>
        {
            Assert.That(summary.Decisions, Is.EqualTo(5));
            Assert.That((hoax.Decisions, hoax.Positives, hoax.Flagged, hoax.FlaggedPositives), Is.EqualTo((5, 3, 3, 2)));
            Assert.That(hoax.Precision, Is.EqualTo(2.0 / 3).Within(1e-12));
            Assert.That(hoax.Recall, Is.EqualTo(2.0 / 3).Within(1e-12));
            Assert.That(summary.Overall.Select(a => a.Label), Is.EqualTo(new[] { "hoax" }), "sara was scored but never judged");
        });
    }

    [Test]
    public void Summary_NothingFlaggedAndNoPositive_PrecisionAndRecallNull()
    {
        var store = Open();
        AddJudged(store, judgedHoax: false, modelFlagged: false);

        var hoax = store.Summary(days: 30).Overall.Single();

        Assert.That((hoax.Precision, hoax.Recall), Is.EqualTo(((double?)null, (double?)null)));
    }

    [Test]
    public void Summary_LastDays_CountsOnlyDecisionsInsideTheWindow()
    {
        var store = Open();
        AddJudged(store, judgedHoax: true, modelFlagged: false);
        _clock.Now = Start.AddDays(40);
        AddJudged(store, judgedHoax: true, modelFlagged: true);

        var summary = store.Summary(days: 30);

        Assert.Multiple(() =>
        {
            Assert.That((summary.Decisions, summary.RecentDecisions, summary.Days), Is.EqualTo((2, 1, 30)));
            Assert.That(summary.Overall.Single().Recall, Is.EqualTo(0.5));
            Assert.That(summary.Recent.Single().Recall, Is.EqualTo(1.0));
        });
    }

    [Test]
    public void DeleteOlderThan_RemovesOnlyDecisionsPastTheRetention()
    {
        var store = Open();
        var old = AddJudged(store, true, true);
        _clock.Now = Start.AddDays(100);
        var recent = AddJudged(store, false, false);
        _clock.Now = Start.AddDays(120);

        var deleted = store.DeleteOlderThan(days: 60);

        Assert.Multiple(() =>
        {
            Assert.That(deleted, Is.EqualTo(1));
            Assert.That(store.Get(old.Id), Is.Null);
            Assert.That(store.Get(recent.Id), Is.Not.Null);
            Assert.That(store.Summary(365).Overall.Single().Decisions, Is.EqualTo(1), "the expired decision's labels went with it");
        });
    }

    [Test]
    public void Page_ManyDecisions_NewestFirstInPages()
    {
        var store = Open();
        var ids = Enumerable.Range(0, 5).Select(_ => AddJudged(store, true, true).Id).ToList();

        var first = store.Page(skip: 0, take: 2).Select(d => d.Id);
        var last = store.Page(skip: 4, take: 2).Select(d => d.Id);

        Assert.That(first, Is.EqualTo(new[] { ids[4], ids[3] }));
        Assert.That(last, Is.EqualTo(new[] { ids[0] }));
    }

    [Test]
    public void Delete_StoredThenUnknown_TrueThenFalse()
    {
        var store = Open();
        var stored = AddJudged(store, true, true);

        Assert.That(store.Delete(stored.Id), Is.True);
        Assert.That(store.Delete(stored.Id), Is.False);
        Assert.That(store.Count(), Is.Zero);
    }

    [Test]
    public void Open_AnotherProgramsSqliteFile_RefusedInPlainWords()
    {
        StoreBackends.SqliteOnly(backend);
        using (var connection = new SqliteConnection($"Data Source={StorePath}"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE other (x INTEGER)";
            create.ExecuteNonQuery();
        }

        var refused = Assert.Throws<FeedbackStoreException>(() => Open());

        Assert.That(refused!.Message, Does.Contain("not a feedback store"));
    }

    [Test]
    public void Open_SecondHandleOnTheSameFile_SeesTheFirstOnesDecisions()
    {
        var replicaA = Open();
        var replicaB = Open();

        var stored = AddJudged(replicaA, true, true);

        Assert.That(replicaB.Get(stored.Id)?.Labels["hoax"], Is.True);
    }

    [Test]
    public void ExportCsv_MixedDecisions_CanonicalColumnsEmptyWhereNotJudgedClaimOnlyLeftOut()
    {
        var store = Open();
        var a = store.Add(new NewFeedback("kata \"orang\", katanya", new Dictionary<string, bool> { ["hoax"] = true }), "m1", Scores(("hoax", 0.9f, true)));
        var b = store.Add(new NewFeedback("dasar kafir", new Dictionary<string, bool> { ["sara"] = true, ["hoax"] = false }), "m1", Scores());
        store.Add(new NewFeedback("klaim saja", new Dictionary<string, bool>(), ClaimId: "tc-1", ClaimCorrect: false), "m1", Scores());
        using var writer = new StringWriter();

        var result = FeedbackExport.Write(store, writer, FeedbackExportFormat.Csv);

        Assert.Multiple(() =>
        {
            Assert.That(writer.ToString(), Is.EqualTo(
                "id,text,hoax,sara\n" +
                $"{a.Id},\"kata \"\"orang\"\", katanya\",1,\n" +
                $"{b.Id},dasar kafir,0,1\n"));
            Assert.That((result.Rows, result.Skipped), Is.EqualTo((2, 1)));
        });
    }

    [Test]
    public void ExportJsonLines_JudgedLabelsOnly()
    {
        var store = Open();
        var a = store.Add(new NewFeedback("hoaks 🙏", new Dictionary<string, bool> { ["hoax"] = true }), "m1", Scores());
        store.Add(new NewFeedback("x", new Dictionary<string, bool> { ["sara"] = false }), "m1", Scores());
        using var writer = new StringWriter();

        FeedbackExport.Write(store, writer, FeedbackExportFormat.JsonLines);

        var first = System.Text.Json.JsonDocument.Parse(writer.ToString().Split('\n')[0]).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("id").GetInt64(), Is.EqualTo(a.Id));
            Assert.That(first.GetProperty("text").GetString(), Is.EqualTo("hoaks 🙏"));
            Assert.That(first.GetProperty("hoax").GetInt32(), Is.EqualTo(1));
            Assert.That(first.TryGetProperty("sara", out _), Is.False, "not judged: absent");
        });
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
