using System.Net;
using System.Text.Json.Nodes;
using HoaxScreen.Core.Feedback;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// The summary's figures and the export's shape on a store filled with known decisions before the service starts:
/// one past <c>Feedback:RetentionDays</c> (deleted at start-up), two ten days old, five of today.
/// </summary>
[TestFixture]
public sealed class FeedbackSummaryTests : ApiFixture
{
    private static readonly Lazy<string> Store = new(FillStore);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Feedback:Path"] = Store.Value,
        ["Feedback:RetentionDays"] = "30",
    };

    private static string FillStore()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hoaxscreen-feedback-summary-").FullName, "feedback.db");
        var clock = new ShiftedClock();
        var store = FeedbackStore.Open(path, clock);
        void Add(int daysAgo, string text, string label, bool judged, bool flagged)
        {
            clock.DaysAgo = daysAgo;
            store.Add(new NewFeedback(text, new Dictionary<string, bool> { [label] = judged }), "test-model",
                new Dictionary<string, ModelJudgement> { [label] = new(flagged ? 0.9f : 0.1f, flagged) });
        }

        Add(40, "kedaluwarsa", "hoax", judged: true, flagged: false);
        Add(10, "sepuluh hari a", "hoax", judged: true, flagged: true);
        Add(10, "sepuluh hari b", "hoax", judged: false, flagged: true);
        Add(0, "hari ini a", "hoax", judged: true, flagged: true);
        Add(0, "hari ini b", "hoax", judged: true, flagged: false);
        Add(0, "hari ini c", "hoax", judged: false, flagged: false);
        Add(0, "hari ini d", "sara", judged: true, flagged: false);
        clock.DaysAgo = 0;
        store.Add(new NewFeedback("hanya klaim", new Dictionary<string, bool>(), ClaimId: "tc-0001", ClaimCorrect: true), "test-model",
            new Dictionary<string, ModelJudgement>());
        return path;
    }

    [Test]
    public async Task Summary_KnownDecisions_FiguresAsCountedByHand()
    {
        using var response = await Client.GetAsync("/v1/feedback/summary?days=7");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var summary = await response.ReadObjectAsync();
        var hoax = summary["labels"]!["hoax"]!;
        var sara = summary["labels"]!["sara"]!;
        var abusive = summary["labels"]!["abusive"]!.AsObject();
        Assert.Multiple(() =>
        {
            // After retention: 7 decisions (2 ten days old, 5 today); the last 7 days hold 5.
            Assert.That((summary["decisions"]!.GetValue<int>(), summary["recentDecisions"]!.GetValue<int>(), summary["days"]!.GetValue<int>()), Is.EqualTo((7, 5, 7)));
            // hoax overall: 5 judged, 3 positive, 3 flagged, 2 of them positive.
            Assert.That((hoax["decisions"]!.GetValue<int>(), hoax["positives"]!.GetValue<int>(), hoax["flagged"]!.GetValue<int>()), Is.EqualTo((5, 3, 3)));
            Assert.That(hoax["precision"]!.GetValue<double>(), Is.EqualTo(2.0 / 3).Within(1e-9));
            Assert.That(hoax["recall"]!.GetValue<double>(), Is.EqualTo(2.0 / 3).Within(1e-9));
            // hoax today: 3 judged, 2 positive, 1 flagged and positive.
            Assert.That(hoax["recent"]!["decisions"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(hoax["recent"]!["precision"]!.GetValue<double>(), Is.EqualTo(1.0));
            Assert.That(hoax["recent"]!["recall"]!.GetValue<double>(), Is.EqualTo(0.5));
            // sara: one positive, never flagged: precision undefined, recall 0.
            Assert.That(sara["precision"], Is.Null);
            Assert.That(sara["recall"]!.GetValue<double>(), Is.EqualTo(0.0));
            // abusive: a label of the model no one judged: zeros, and nulls present rather than left out.
            Assert.That(abusive["decisions"]!.GetValue<int>(), Is.Zero);
            Assert.That(abusive.ContainsKey("precision") && abusive["precision"] is null, Is.True);
        });
    }

    [Test]
    public async Task Summary_NoDays_Last30()
    {
        using var response = await Client.GetAsync("/v1/feedback/summary");

        var summary = await response.ReadObjectAsync();
        Assert.That((summary["days"]!.GetValue<int>(), summary["recentDecisions"]!.GetValue<int>()), Is.EqualTo((30, 7)));
    }

    [Test]
    public async Task List_AfterStartUp_DecisionPastRetentionDeleted()
    {
        using var response = await Client.GetAsync("/admin/feedback?pageSize=500");

        var page = await response.ReadObjectAsync();
        var texts = page["items"]!.AsArray().Select(i => i!["text"]!.GetValue<string>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(page["total"]!.GetValue<int>(), Is.EqualTo(7));
            Assert.That(texts, Does.Not.Contain("kedaluwarsa"));
            Assert.That(texts[0], Is.EqualTo("hanya klaim"), "newest first");
        });
    }

    [Test]
    public async Task ExportCsv_CanonicalFormat_TextAndOneColumnPerJudgedLabel()
    {
        using var response = await Client.GetAsync("/admin/feedback/export");

        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(lines[0], Is.EqualTo("id,text,hoax,sara"));
            Assert.That(lines, Has.Length.EqualTo(7), "header and 6 decisions; the claim-only one has no label to train on");
            Assert.That(lines.Single(l => l.Contains("hari ini d", StringComparison.Ordinal)), Does.EndWith(",hari ini d,,1"), "hoax not judged: empty");
            Assert.That(lines.Single(l => l.Contains("hari ini c", StringComparison.Ordinal)), Does.EndWith(",hari ini c,0,"));
        });
    }

    [Test]
    public async Task ExportJsonLines_OneObjectPerDecision()
    {
        using var response = await Client.GetAsync("/admin/feedback/export?format=jsonl");

        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        var sara = lines.Select(l => JsonNode.Parse(l)!.AsObject()).Single(o => o["text"]!.GetValue<string>() == "hari ini d");
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(6));
            Assert.That(sara["sara"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(sara.ContainsKey("hoax"), Is.False);
        });
    }

    private sealed class ShiftedClock : TimeProvider
    {
        public int DaysAgo { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddDays(-DaysAgo);
    }
}
