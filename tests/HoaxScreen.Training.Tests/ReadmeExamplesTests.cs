using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Tests.Shared;
using HoaxScreen.Training.Reporting;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// README's examples come from the shipped bundles: model ids, the screening example's scores and thresholds, and the
/// model card's tables. Retraining a bundle without updating README fails here, so the README cannot go stale.
/// </summary>
public partial class ReadmeExamplesTests
{
    private static readonly Lazy<string> Readme = new(() => File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")));

    [GeneratedRegex(@"\b20\d{6}-\d{6}-[0-9a-f]{8}\b")]
    private static partial Regex ModelVersion();

    [Test]
    public void Readme_ModelVersions_AreTheShippedBundles()
    {
        var shipped = new[] { "default", "team" }.Select(b => ModelBundle.ReadManifest(RepoPaths.Bundle(b)).Version).ToList();
        var named = ModelVersion().Matches(Readme.Value).Select(m => m.Value).Distinct().ToList();

        Assert.That(named, Is.Not.Empty);
        Assert.That(named, Is.SubsetOf(shipped), "README names a model version that is not shipped: update it from models/*/manifest.json");
    }

    [Test]
    public void Readme_ScreenExample_IsWhatTheShippedBundleAnswers()
    {
        var section = Readme.Value[Readme.Value.IndexOf("## Screening API", StringComparison.Ordinal)..];
        var text = Regex.Match(section, "\"text\": \"(?<text>[^\"]+)\"").Groups["text"].Value;
        var jsonStart = section.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var example = JsonNode.Parse(section[jsonStart..section.IndexOf("```", jsonStart, StringComparison.Ordinal)])!;
        var model = ModelBundleLoader.Load(RepoPaths.DefaultModel);

        var verdict = model.ScoreBatch([text])[0];

        Assert.That(text, Is.Not.Empty);
        Assert.That(example["model"]!.GetValue<string>(), Is.EqualTo(model.Version));
        Assert.That(example["flagged"]!.GetValue<bool>(), Is.EqualTo(verdict.Flagged));
        foreach (var label in verdict.Labels)
        {
            var shown = example["labels"]![label.Label]!;
            Assert.That(shown["score"]!.GetValue<double>(), Is.EqualTo(label.Score).Within(0.00051), label.Label);
            Assert.That(shown["threshold"]!.GetValue<double>(), Is.EqualTo(label.Threshold).Within(0.00051), label.Label);
            Assert.That(shown["flagged"]!.GetValue<bool>(), Is.EqualTo(label.Flagged), label.Label);
        }
    }

    [Test]
    public void Readme_ModelCard_ShowsTheShippedCrossValidation()
    {
        var manifest = ModelBundle.ReadManifest(RepoPaths.DefaultModel);
        var rows = CrossValidationTable.Markdown(manifest.CrossValidation!).Split('\n').Where(l => l.StartsWith('|')).ToList();

        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows.Where(row => !Readme.Value.Contains(row.TrimEnd(), StringComparison.Ordinal)), Is.Empty,
            "README's model card differs from models/default/manifest.json: paste `crossvalidate`'s table from models/default/report.md");
    }

    [TestCase("default")]
    [TestCase("team")]
    public void Readme_HeldOutTable_ShowsTheShippedMetrics(string bundle)
    {
        var manifest = ModelBundle.ReadManifest(RepoPaths.Bundle(bundle));

        foreach (var label in manifest.Labels)
        {
            var m = label.Metrics;
            var row = string.Create(CultureInfo.InvariantCulture,
                $"| {bundle} | {label.Name} | {label.Threshold:F3} | {m.Precision:F3} | {m.Recall:F3} | {m.F1:F3} | {MetricsTable.Optional(m.RocAuc)} | {m.Rows} |");
            Assert.That(Readme.Value, Does.Contain(row), $"README's held-out table differs from models/{bundle}/manifest.json");
        }
    }
}
