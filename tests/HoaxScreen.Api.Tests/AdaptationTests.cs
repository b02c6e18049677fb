using System.Net;
using System.Text.Json.Nodes;
using HoaxScreen.Api.Feedback;
using HoaxScreen.Api.Modeling;
using Microsoft.Extensions.DependencyInjection;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// <c>/admin/model/adapt</c>: a job adapts the serving model to the feedback store and swaps the result in through the
/// validated reload, revert brings the base back, and too little feedback keeps the base without a swap. The tests run
/// in order on one host: first with too little feedback, then with enough for hoax.
/// </summary>
[TestFixture]
public sealed class AdaptationTests : ApiFixture
{
    private static readonly Lazy<string> Scratch = new(() => Directory.CreateTempSubdirectory("hoaxscreen-adapt-api-").FullName);

    private static string Root => Path.Combine(Scratch.Value, "models");

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            BundleCopies.CopyDefault(Path.Combine(Root, "base"));
            return new Dictionary<string, string?>
            {
                ["Model:Path"] = Path.Combine(Root, "base"),
                ["Model:ReloadRoot"] = Root,
                ["Feedback:Path"] = Path.Combine(Scratch.Value, "feedback.db"),
            };
        }
    }

    private string ServingVersion => Factory.Services.GetRequiredService<ModelHolder>().Current.Version;

    [OneTimeTearDown]
    public void DeleteScratch() => Directory.Delete(Scratch.Value, recursive: true);

    [Test, Order(1)]
    public async Task Start_TooLittleFeedback_EndsKeptBaseWithoutSwappingOrWriting()
    {
        AdaptationPosts.Store(Factory.Services, positives: 10, negatives: 10);
        var before = ServingVersion;

        var job = await AdaptationJobs.RunToEndAsync(Client, new JsonObject { ["outFolder"] = "too-little" });

        Assert.Multiple(() =>
        {
            Assert.That(job["status"]!.GetValue<string>(), Is.EqualTo("kept-base"), job.ToJsonString());
            Assert.That(job["error"]!.GetValue<string>(), Does.Contain("No label has enough feedback"));
            Assert.That(job["newVersion"], Is.Null);
            Assert.That(job["perLabel"]!.AsArray().Single(l => l!["label"]!.GetValue<string>() == "hoax")!["keptBaseReason"]!.GetValue<string>(),
                Does.Contain("10 positive and 10 negative"));
            Assert.That(ServingVersion, Is.EqualTo(before));
            Assert.That(Directory.Exists(Path.Combine(Root, "too-little")), Is.False);
        });

        using var revert = await Client.PostRawAsync($"/admin/model/adapt/{job["job"]}/revert", "{}");
        Assert.That(revert.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a job that swapped nothing in has nothing to revert");
    }

    [Test, Order(2)]
    public async Task Start_EnoughFeedbackOnHoax_SwapsInTheAdaptedModelAndRevertBringsBackTheBase()
    {
        AdaptationPosts.Store(Factory.Services, positives: 30, negatives: 30, offset: 100);
        var baseVersion = ServingVersion;
        var judged = Factory.Services.GetRequiredService<FeedbackStoreHolder>().Store!.All().Count(d => d.Labels.ContainsKey("hoax"));
        var unseen = AdaptationPosts.Gossip(977);
        var hoaxBefore = (await Client.ScoresAsync(unseen))["hoax"];

        var job = await AdaptationJobs.RunToEndAsync(Client, new JsonObject { ["method"] = "local", ["outFolder"] = "community" });

        var newVersion = job["newVersion"]?.GetValue<string>();
        var hoax = job["perLabel"]!.AsArray().Single(l => l!["label"]!.GetValue<string>() == "hoax")!;
        var hoaxAfter = (await Client.ScoresAsync(unseen))["hoax"];
        Assert.Multiple(() =>
        {
            Assert.That(job["status"]!.GetValue<string>(), Is.EqualTo("succeeded"), job.ToJsonString());
            Assert.That(job["baseVersion"]!.GetValue<string>(), Is.EqualTo(baseVersion));
            Assert.That(newVersion, Is.Not.Null.And.Not.EqualTo(baseVersion));
            Assert.That(ServingVersion, Is.EqualTo(newVersion), "the adapted bundle is served");
            Assert.That(hoax["method"]!.GetValue<string>(), Is.EqualTo("local"));
            Assert.That(hoax["judged"]!.GetValue<int>(), Is.EqualTo(judged), "every stored decision on hoax");
            Assert.That(job["perLabel"]!.AsArray().Where(l => l!["label"]!.GetValue<string>() != "hoax").Select(l => l!["method"]!.GetValue<string>()),
                Is.All.EqualTo("base"), "labels nobody judged keep the base");
            Assert.That(hoaxAfter, Is.GreaterThan(hoaxBefore), "a gossip post the job never saw now scores higher on hoax");
            Assert.That(File.Exists(Path.Combine(Root, "community", "adaptation.json")), Is.True);
            Assert.That(job["progress"]!.AsArray().Select(p => p!.GetValue<string>()), Has.Some.Contain("swapped in model"));
        });

        using var revert = await Client.PostRawAsync($"/admin/model/adapt/{job["job"]}/revert", "{}");
        var reverted = await revert.ReadObjectAsync();
        var hoaxReverted = (await Client.ScoresAsync(unseen))["hoax"];
        Assert.Multiple(() =>
        {
            Assert.That(revert.StatusCode, Is.EqualTo(HttpStatusCode.OK), reverted.ToJsonString());
            Assert.That(reverted["model"]!.GetValue<string>(), Is.EqualTo(baseVersion));
            Assert.That(reverted["previousModel"]!.GetValue<string>(), Is.EqualTo(newVersion));
            Assert.That(ServingVersion, Is.EqualTo(baseVersion));
            Assert.That(hoaxReverted, Is.EqualTo(hoaxBefore).Within(1e-6), "the base scores as before");
        });
    }

    [Test]
    public async Task Start_ExistingOutFolder_409AndNoJob()
    {
        using var response = await Client.PostRawAsync("/admin/model/adapt", """{ "outFolder": "base" }""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await response.ReadObjectAsync())["detail"]!.GetValue<string>(), Does.Contain("already exists"));
    }

    [TestCase("""{ "method": "magic" }""", "method")]
    [TestCase("""{ "outFolder": "../outside" }""", "outFolder")]
    [TestCase("""{ "outFolder": ".hidden" }""", "outFolder")]
    public async Task Start_BadRequest_400NamingTheField(string body, string field)
    {
        using var response = await Client.PostRawAsync("/admin/model/adapt", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(HttpTestExtensions.ErrorKeys(await response.ReadObjectAsync()), Does.Contain(field));
    }

    [Test]
    public async Task Get_UnknownJob_404InPlainWords()
    {
        using var response = await Client.GetAsync("/admin/model/adapt/nosuchjob");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await response.ReadObjectAsync())["detail"]!.GetValue<string>(), Does.Contain("no adaptation job nosuchjob"));
    }
}
