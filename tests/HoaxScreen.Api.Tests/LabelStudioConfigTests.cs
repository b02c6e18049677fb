using HoaxScreen.Api.LabelStudio;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Api.Tests;

/// <summary>The shipped labelling config offers every label of the shipped models under the default names; configs are read safely.</summary>
public sealed class LabelStudioConfigTests
{
    private static string ShippedConfig => File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "labelstudio", "labeling-config.xml"));

    [Test]
    public void Read_ShippedConfig_OffersEveryShippedLabel() =>
        Assert.That(LabelStudioConfigChoices.Read(ShippedConfig, new LabelStudioOptions().FromName), Is.EquivalentTo(ShippedLabels.All));

    [Test]
    public void ShippedConfig_NamesTextAndField_MatchTheDefaultOptions()
    {
        var options = new LabelStudioOptions();

        Assert.That(ShippedConfig, Does.Contain($"<Text name=\"{options.ToName}\" value=\"${options.TextField}\"/>")
            .And.Contain($"<Choices name=\"{options.FromName}\" toName=\"{options.ToName}\" choice=\"multiple\""));
    }

    [Test]
    public void Read_ChoiceWithAlias_GivesTheAlias() =>
        Assert.That(
            LabelStudioConfigChoices.Read("""<View><Choices name="labels" toName="text"><Choice value="Hoaks" alias="hoax"/><Choice value="sara"/></Choices></View>""", "labels"),
            Is.EquivalentTo(new[] { "hoax", "sara" }));

    [TestCase("<View><Choices name=\"other\"><Choice value=\"hoax\"/></Choices></View>")]
    [TestCase("<View><Choices name=\"labels\">")]
    [TestCase("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><View><Choices name=\"labels\"><Choice value=\"&e;\"/></Choices></View>")]
    [TestCase("")]
    public void Read_NoSuchChoicesOrUnreadable_Null(string config) =>
        Assert.That(LabelStudioConfigChoices.Read(config, "labels"), Is.Null);
}
