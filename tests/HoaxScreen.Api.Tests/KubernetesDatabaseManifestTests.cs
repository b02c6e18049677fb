using System.Text.RegularExpressions;
using HoaxScreen.Tests.Shared;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// deploy/kubernetes's database for the replicas: the PostgreSQL StatefulSet and Service agree with the connection
/// string the secret's instructions write, and the placeholder in the repository stops the app instead of running.
/// </summary>
public sealed partial class KubernetesDatabaseManifestTests
{
    private static KubernetesManifests.Manifest StatefulSet => KubernetesManifests.Named("StatefulSet", "hoaxscreen-postgres");

    private static KubernetesManifests.Manifest Service => KubernetesManifests.Named("Service", "hoaxscreen-postgres");

    private static Dictionary<string, string> PostgresEnvironment =>
        StatefulSet.Root.Items("spec", "template", "spec", "containers", 0, "env")
            .Where(entry => entry.At("value") is not null)
            .ToDictionary(entry => entry.Text("name"), entry => entry.Text("value"));

    [Test]
    public void Postgres_ServiceAndStatefulSet_AreTheHostUserAndDatabaseOfTheConnectionString()
    {
        var text = File.ReadAllText(Path.Combine(KubernetesManifests.Folder, "database-secret.yaml"));
        var example = ConnectionStringExample().Match(text);
        var podLabels = StatefulSet.Root.Pairs("spec", "template", "metadata", "labels");
        Assert.Multiple(() =>
        {
            Assert.That(example.Success, "database-secret.yaml shows the connection string to create");
            Assert.That(example.Groups["host"].Value, Is.EqualTo(Service.Name));
            Assert.That(example.Groups["database"].Value, Is.EqualTo(PostgresEnvironment["POSTGRES_DB"]));
            Assert.That(example.Groups["user"].Value, Is.EqualTo(PostgresEnvironment["POSTGRES_USER"]));
            Assert.That(StatefulSet.Root.Text("spec", "serviceName"), Is.EqualTo(Service.Name));
            Assert.That(podLabels, Is.SupersetOf(Service.Root.Pairs("spec", "selector")));
            Assert.That(Service.Root.Text("spec", "ports", 0, "port"), Is.EqualTo("5432"));
            Assert.That(Service.Root.Text("spec", "ports", 0, "targetPort"),
                Is.EqualTo(StatefulSet.Root.Text("spec", "template", "spec", "containers", 0, "ports", 0, "name")));
        });
    }

    [Test]
    public void Postgres_Password_ComesFromTheDatabaseSecret()
    {
        var password = StatefulSet.Root.Items("spec", "template", "spec", "containers", 0, "env").Single(entry => entry.Text("name") == "POSTGRES_PASSWORD");
        var secret = KubernetesManifests.Named("Secret", password.Text("valueFrom", "secretKeyRef", "name"));

        Assert.That(secret.Root.Pairs("stringData").Keys, Does.Contain(password.Text("valueFrom", "secretKeyRef", "key")));
    }

    /// <summary>The repository holds a placeholder only, and the app refuses it at start-up in one line.</summary>
    [Test]
    public void DatabaseSecret_InRepository_HoldsAPlaceholderThatStopsTheAppAtStartUp()
    {
        var placeholder = KubernetesManifests.Named("Secret", "hoaxscreen-database").Root.Pairs("stringData")["ConnectionStrings__HoaxScreen"];
        // The image has the matcher at models/claims under its content root; the test host's content root does not.
        using var factory = new HoaxScreenFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:HoaxScreen"] = placeholder,
            ["Claims:MatcherPath"] = RepoPaths.Bundle("claims"),
        });

        var failure = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(failure!.Message, Does.StartWith("ConnectionStrings:HoaxScreen must be a PostgreSQL connection string"));
    }

    [GeneratedRegex(@"Host=(?<host>[\w-]+);Database=(?<database>\w+);Username=(?<user>\w+);Password=")]
    private static partial Regex ConnectionStringExample();
}
