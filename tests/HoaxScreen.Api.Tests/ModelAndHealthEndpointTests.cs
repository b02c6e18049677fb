using System.Net;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Core.Modeling;
using Microsoft.Extensions.DependencyInjection;

namespace HoaxScreen.Api.Tests;

[TestFixture]
public sealed class ModelAndHealthEndpointTests : ApiFixture
{
    private ModelManifest _manifest = null!;

    [OneTimeSetUp]
    public void ReadFixtureData()
    {
        _manifest = Factory.Services.GetRequiredService<ModelHolder>().Current.Model.Manifest;
    }

    [Test]
    public async Task GetModel_Always_ReturnsVersionAndLabelsFromTheManifest()
    {
        using var response = await Client.GetAsync("/v1/model");
        var body = await response.ReadObjectAsync();
        var labels = body["labels"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body["version"]!.GetValue<string>(), Is.EqualTo(_manifest.Version));
            Assert.That(body["createdAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(_manifest.CreatedAt));
            Assert.That(labels.Select(l => l!["name"]!.GetValue<string>()), Is.EqualTo(_manifest.Labels.Select(l => l.Name)));
            Assert.That(labels.Select(l => l!["threshold"]!.GetValue<double>()), Is.EqualTo(_manifest.Labels.Select(l => l.Threshold)));
            Assert.That(labels.Select(l => l!["metrics"]!["f1"]!.GetValue<double>()), Is.EqualTo(_manifest.Labels.Select(l => l.Metrics.F1)));
            Assert.That(labels.Select(l => l!["metrics"]!["rows"]!.GetValue<int>()), Is.EqualTo(_manifest.Labels.Select(l => l.Metrics.Rows)));
            Assert.That(labels.Select(l => l!["metrics"]!["ece"]!.GetValue<double>()), Is.EqualTo(_manifest.Labels.Select(l => l.Metrics.Ece)));
        });
    }

    [Test]
    public async Task GetModel_Always_ReturnsSourcesTrainerAndNormalizer()
    {
        using var response = await Client.GetAsync("/v1/model");
        var body = await response.ReadObjectAsync();
        var sources = body["sources"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(sources.Select(s => s!["path"]!.GetValue<string>()), Is.EqualTo(_manifest.Sources.Select(s => s.Path)));
            Assert.That(sources.Select(s => s!["rows"]!.GetValue<int>()), Is.EqualTo(_manifest.Sources.Select(s => s.Rows)));
            Assert.That(sources.Select(s => s!["sha256"]!.GetValue<string>()), Is.EqualTo(_manifest.Sources.Select(s => s.Sha256)));
            Assert.That(body["trainer"]!["algorithm"]!.GetValue<string>(), Is.EqualTo(_manifest.Trainer.Algorithm));
            Assert.That(body["trainer"]!["seed"]!.GetValue<int>(), Is.EqualTo(_manifest.Trainer.Seed));
            Assert.That(body["normalizer"]!["version"]!.GetValue<int>(), Is.EqualTo(_manifest.Normalizer.Version));
            Assert.That(body["normalizer"]!["rules"]!.AsArray().Select(r => r!.GetValue<string>()), Does.Contain("decodeLeetspeak"));
            Assert.That(body["normalizer"]!["slangEntries"]!.GetValue<int>(), Is.EqualTo(_manifest.Normalizer.Lexicons!.SlangEntries));
        });
    }

    [Test]
    public async Task GetModel_Always_ReturnsLicenceCardAndCrossValidation()
    {
        using var response = await Client.GetAsync("/v1/model");
        var body = await response.ReadObjectAsync();
        var crossValidation = body["crossValidation"]!;

        Assert.Multiple(() =>
        {
            Assert.That(body["license"]!.GetValue<string>(), Is.EqualTo(_manifest.License));
            Assert.That(body["card"]!["summary"]!.GetValue<string>(), Is.EqualTo(_manifest.Card!.Summary));
            Assert.That(body["card"]!["limitations"]!.AsArray().Select(l => l!.GetValue<string>()), Is.EqualTo(_manifest.Card!.Limitations));
            Assert.That(crossValidation["folds"]!.GetValue<int>(), Is.EqualTo(_manifest.CrossValidation!.Folds));
            Assert.That(crossValidation["labels"]!.AsArray().Select(l => l!["f1"]!["mean"]!.GetValue<double>()),
                Is.EqualTo(_manifest.CrossValidation!.Labels.Select(l => l.F1.Mean)));
            Assert.That(crossValidation["cleanFlagRates"]!.AsArray().Select(r => r!["rate"]!.GetValue<double>()),
                Is.EqualTo(_manifest.CrossValidation!.CleanFlagRates.Select(r => r.Rate)));
        });
    }

    [Test]
    public async Task GetModel_ScreenResult_ReportsTheSameVersion()
    {
        using var described = await Client.GetAsync("/v1/model");
        var model = await described.ReadObjectAsync();
        using var screened = await Client.PostRawAsync("/v1/screen", """{ "text": "halo" }""");
        var result = await screened.ReadObjectAsync();

        Assert.That(result["model"]!.GetValue<string>(), Is.EqualTo(model["version"]!.GetValue<string>()));
    }

    [Test]
    public async Task HealthLive_ProcessUp_ReturnsHealthy()
    {
        using var response = await Client.GetAsync("/health/live");
        var status = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(status, Is.EqualTo("Healthy"));
        });
    }

    [Test]
    public async Task HealthReady_ModelLoaded_ReturnsHealthy()
    {
        using var response = await Client.GetAsync("/health/ready");
        var status = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(status, Is.EqualTo("Healthy"));
        });
    }
}
