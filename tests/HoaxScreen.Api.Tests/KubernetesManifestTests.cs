using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HoaxScreen.Tests.Shared;
using Microsoft.Extensions.Options;
using YamlDotNet.RepresentationModel;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// No cluster runs here, so deploy/kubernetes is checked against the repository and the running app: the manifests parse,
/// refer to each other consistently, probe real routes on the port the image listens on, and set only settings the app
/// binds, with values its start-up validation accepts.
/// </summary>
[TestFixture]
public sealed partial class KubernetesManifestTests : ApiFixture
{
    private static readonly YamlMappingNode Deployment = KubernetesManifests.Single("Deployment").Root;

    private static YamlNode Container => Deployment.At("spec", "template", "spec", "containers", 0)!;

    private static Dictionary<string, string> PodLabels => Deployment.Pairs("spec", "template", "metadata", "labels");

    /// <summary>The ConfigMap's and the Secret's entries, as the environment variables the pods get.</summary>
    private static Dictionary<string, string> Environment =>
        KubernetesManifests.Single("ConfigMap").Root.Pairs("data").Concat(SecretEntries).ToDictionary();

    /// <summary>The Secret's entries, from <c>stringData</c> or (as <c>kubectl create secret --dry-run=client -o yaml</c> writes them) base64 <c>data</c>.</summary>
    private static Dictionary<string, string> SecretEntries
    {
        get
        {
            var secret = KubernetesManifests.Named("Secret", "hoaxscreen-api-keys").Root;
            return secret.Pairs("stringData")
                .Concat(secret.Pairs("data").Select(entry => KeyValuePair.Create(entry.Key, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(entry.Value)))))
                .ToDictionary();
        }
    }

    [Test]
    public void Manifests_EveryFile_ParsesWithKindAndName()
    {
        var kinds = KubernetesManifests.All.Select(manifest => manifest.Kind).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(kinds, Is.SupersetOf(new[] { "Kustomization", "Deployment", "Service", "HorizontalPodAutoscaler", "ConfigMap", "Secret", "PodDisruptionBudget", "StatefulSet" }));
            foreach (var manifest in KubernetesManifests.Resources)
            {
                Assert.That(manifest.Root.Text("apiVersion"), Is.Not.Empty, manifest.File);
                Assert.That(manifest.Name, Is.EqualTo("hoaxscreen").Or.StartsWith("hoaxscreen-"), manifest.File);
            }
        });
    }

    [Test]
    public void Kustomization_Resources_AreExactlyTheOtherManifests()
    {
        var listed = KubernetesManifests.Single("Kustomization").Root.Items("resources").Select(item => ((YamlScalarNode)item).Value).ToList();
        var files = KubernetesManifests.Resources.Select(manifest => manifest.File).Distinct().ToList();
        Assert.That(listed, Is.EquivalentTo(files));
    }

    [Test]
    public void Deployment_ContainerPort_IsThePortTheImageListensOn()
    {
        var port = Container.Items("ports").Single();
        Assert.Multiple(() =>
        {
            Assert.That(port.Text("containerPort"), Is.EqualTo(DockerfileTests.HttpPort));
            Assert.That(port.Text("name"), Is.EqualTo("http"));
            Assert.That(Deployment.Text("spec", "template", "metadata", "annotations", "prometheus.io/port"), Is.EqualTo(DockerfileTests.HttpPort));
            Assert.That(Container.Text("image"), Is.EqualTo(KubernetesManifests.Single("Kustomization").Root.Text("images", 0, "name")));
        });
    }

    [TestCase("startupProbe")]
    [TestCase("readinessProbe")]
    [TestCase("livenessProbe")]
    public async Task Probe_Path_AnswersOkOnTheNamedPort(string probe)
    {
        var path = Container.Text(probe, "httpGet", "path");
        using var response = await Client.GetAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(Container.Text(probe, "httpGet", "port"), Is.EqualTo(Container.Text("ports", 0, "name")));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        });
    }

    [Test]
    public void Probes_ReadinessAndLiveness_UseTheModelCheckAndTheProcessCheck()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Container.Text("readinessProbe", "httpGet", "path"), Is.EqualTo("/health/ready"));
            Assert.That(Container.Text("livenessProbe", "httpGet", "path"), Is.EqualTo("/health/live"));
        });
    }

    [Test]
    public async Task PrometheusAnnotation_Path_ServesMetricsWithoutKey()
    {
        var annotations = Deployment.Pairs("spec", "template", "metadata", "annotations");
        using var response = await Client.GetAsync(annotations["prometheus.io/path"]);
        Assert.Multiple(async () =>
        {
            Assert.That(annotations["prometheus.io/scrape"], Is.EqualTo("true"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("hoaxscreen_model_info"));
        });
    }

    [Test]
    public void Selectors_OfDeploymentServiceAndBudget_MatchThePodLabels()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PodLabels, Is.Not.Empty);
            Assert.That(PodLabels, Is.SupersetOf(Deployment.Pairs("spec", "selector", "matchLabels")));
            Assert.That(PodLabels, Is.SupersetOf(KubernetesManifests.Named("Service", "hoaxscreen").Root.Pairs("spec", "selector")));
            Assert.That(PodLabels, Is.SupersetOf(KubernetesManifests.Single("PodDisruptionBudget").Root.Pairs("spec", "selector", "matchLabels")));
            Assert.That(KubernetesManifests.Named("Service", "hoaxscreen").Root.Pairs("spec", "selector"), Is.Not.Empty);
        });
    }

    [Test]
    public void Service_TargetPort_IsTheContainerPortName()
    {
        var port = KubernetesManifests.Named("Service", "hoaxscreen").Root.At("spec", "ports", 0)!;
        Assert.That(port.Text("targetPort"), Is.EqualTo(Container.Text("ports", 0, "name")));
    }

    [Test]
    public void Autoscaler_Target_IsTheDeploymentScaledOnCpu()
    {
        var hpa = KubernetesManifests.Single("HorizontalPodAutoscaler").Root;
        Assert.Multiple(() =>
        {
            Assert.That(hpa.Text("apiVersion"), Is.EqualTo("autoscaling/v2"));
            Assert.That(hpa.Text("spec", "scaleTargetRef", "apiVersion"), Is.EqualTo(Deployment.Text("apiVersion")));
            Assert.That(hpa.Text("spec", "scaleTargetRef", "kind"), Is.EqualTo("Deployment"));
            Assert.That(hpa.Text("spec", "scaleTargetRef", "name"), Is.EqualTo(KubernetesManifests.Single("Deployment").Name));
            Assert.That(hpa.Text("spec", "metrics", 0, "resource", "name"), Is.EqualTo("cpu"));
            Assert.That(int.Parse(hpa.Text("spec", "minReplicas"), CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(2));
            Assert.That(Deployment.At("spec", "replicas"), Is.Null, "the autoscaler owns the replica count");
            Assert.That(Container.At("resources", "requests", "cpu"), Is.Not.Null, "CPU utilisation is relative to the request");
        });
    }

    [Test]
    public void EnvFrom_References_TheConfigMapAndTheSecret()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Container.Text("envFrom", 0, "configMapRef", "name"), Is.EqualTo(KubernetesManifests.Single("ConfigMap").Name));
            Assert.That(Container.Text("envFrom", 1, "secretRef", "name"), Is.EqualTo(KubernetesManifests.Named("Secret", "hoaxscreen-api-keys").Name));
            Assert.That(Container.Text("envFrom", 2, "secretRef", "name"), Is.EqualTo(KubernetesManifests.Named("Secret", "hoaxscreen-database").Name));
        });
    }

    [Test]
    public void ConfigMapAndSecret_EveryKey_IsASettingTheAppBinds()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AppSettingKeys.Unknown(Environment.Keys), Is.Empty);
            Assert.That(KubernetesManifests.Single("ConfigMap").Root.Pairs("data").Keys, Has.None.Contains("__Key"), "keys belong in the Secret");
            Assert.That(SecretEntries.Keys, Is.Not.Empty.And.All.EndsWith("__Key"));
        });
    }

    [Test]
    public async Task ConfigMapAndSecret_WithRealKeys_StartTheAppClosedWithBothRoles()
    {
        var keys = new Dictionary<string, string>();
        var settings = Environment.ToDictionary(
            entry => entry.Key.Replace("__", ":", StringComparison.Ordinal),
            entry => (string?)(entry.Key.EndsWith("__Key", StringComparison.Ordinal) ? keys[entry.Key] = Guid.NewGuid().ToString("N") : entry.Value));
        using var factory = new HoaxScreenFactory(settings);
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync("/health/ready");
        using var anonymous = await client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = "halo" });
        using var screening = await SendWithKeyAsync(client, HttpMethod.Post, "/v1/screen", keys["Security__ApiKeys__0__Key"]);
        using var screeningReload = await SendWithKeyAsync(client, HttpMethod.Post, "/admin/model/reload", keys["Security__ApiKeys__0__Key"]);
        using var admin = await SendWithKeyAsync(client, HttpMethod.Get, "/v1/model", keys["Security__ApiKeys__1__Key"]);
        Assert.Multiple(() =>
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(screening.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(screeningReload.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    /// <summary>The repository holds placeholders only, and they are not keys the app accepts.</summary>
    [Test]
    public void Secret_InRepository_HoldsPlaceholdersThatStopTheAppAtStartUp()
    {
        var settings = Environment.ToDictionary(entry => entry.Key.Replace("__", ":", StringComparison.Ordinal), entry => (string?)entry.Value);
        using var factory = new HoaxScreenFactory(settings);

        var failure = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.That(failure!.Message, Does.Contain("Security:ApiKeys:0:Key must be at least 16 characters"));
    }

    [Test]
    public void Container_SecurityContext_IsNonRootReadOnlyWithWritableTmp()
    {
        var pod = Deployment.At("spec", "template", "spec")!;
        var tmp = Container.Items("volumeMounts").Single(mount => mount.Text("mountPath") == "/tmp");
        Assert.Multiple(() =>
        {
            Assert.That(pod.Text("securityContext", "runAsNonRoot"), Is.EqualTo("true"));
            Assert.That(pod.Text("securityContext", "runAsUser"), Is.Not.EqualTo("0"));
            Assert.That(Container.Text("securityContext", "readOnlyRootFilesystem"), Is.EqualTo("true"));
            Assert.That(Container.Text("securityContext", "allowPrivilegeEscalation"), Is.EqualTo("false"));
            Assert.That(pod.Items("volumes").Single(volume => volume.Text("name") == tmp.Text("name")).At("emptyDir"), Is.Not.Null);
        });
    }

    [Test]
    public void Container_Resources_CoverTheMeasuredPeakMemory()
    {
        var peak = MeasuredPeakMegabytes();
        var request = Mebibytes(Container.Text("resources", "requests", "memory"));
        var limit = Mebibytes(Container.Text("resources", "limits", "memory"));
        Assert.Multiple(() =>
        {
            Assert.That(peak, Is.GreaterThan(50), "peak resident memory read from bench/results");
            Assert.That(request * 1.048576, Is.GreaterThanOrEqualTo(peak), "request (MB) vs measured peak (MB)");
            Assert.That(limit, Is.GreaterThan(request));
            Assert.That(Millicores(Container.Text("resources", "limits", "cpu")), Is.GreaterThan(Millicores(Container.Text("resources", "requests", "cpu"))));
        });
    }

    private static async Task<HttpResponseMessage> SendWithKeyAsync(HttpClient client, HttpMethod method, string path, string key)
    {
        using var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent(new JsonObject { ["text"] = "halo" }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }

    /// <summary>The largest resident memory the benchmarks recorded (speed.md's VmHWM, soak.md's peak during a reload), in MB.</summary>
    private static double MeasuredPeakMegabytes()
    {
        var results = Path.Combine(RepoPaths.Root, "bench", "results");
        var speed = PeakInSpeed().Match(File.ReadAllText(Path.Combine(results, "speed.md")));
        var soak = PeakInSoak().Match(File.ReadAllText(Path.Combine(results, "soak.md")));
        Assert.That(speed.Success && soak.Success, Is.True, "bench/results/speed.md and soak.md report peak memory");
        return Math.Max(double.Parse(speed.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(soak.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static double Mebibytes(string quantity) => quantity.EndsWith("Gi", StringComparison.Ordinal)
        ? 1024 * double.Parse(quantity[..^2], CultureInfo.InvariantCulture)
        : double.Parse(quantity.TrimEnd('M', 'i'), CultureInfo.InvariantCulture);

    private static double Millicores(string quantity) => quantity.EndsWith('m')
        ? double.Parse(quantity[..^1], CultureInfo.InvariantCulture)
        : 1000 * double.Parse(quantity, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"VmHWM \(peak\) \*\*(\d+(?:\.\d+)?) MB\*\*")]
    private static partial Regex PeakInSpeed();

    [GeneratedRegex(@"RSS peak / at the end \| (\d+(?:\.\d+)?) MB")]
    private static partial Regex PeakInSoak();
}
