using System.Xml;
using System.Xml.Linq;

namespace HoaxScreen.Api.LabelStudio;

/// <summary>
/// The labels a project's labelling config offers: the <c>&lt;Choice&gt;</c>s of its <c>&lt;Choices name="FromName"&gt;</c>
/// (a choice's <c>alias</c> when it has one, as Label Studio writes that into results, else its <c>value</c>).
/// </summary>
public static class LabelStudioConfigChoices
{
    /// <summary>The offered labels, or null when there is no config, it does not parse, or it has no such choices tag.</summary>
    public static IReadOnlySet<string>? Read(string? labelConfig, string fromName)
    {
        if (string.IsNullOrWhiteSpace(labelConfig))
        {
            return null;
        }

        XDocument config;
        try
        {
            // No DTDs and no external entities: the config comes from the caller.
            using var reader = XmlReader.Create(new StringReader(labelConfig), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            config = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }

        var choices = config.Descendants()
            .FirstOrDefault(e => e.Name.LocalName == "Choices" && (string?)e.Attribute("name") == fromName);
        return choices?.Descendants()
            .Where(e => e.Name.LocalName == "Choice")
            .Select(e => (string?)e.Attribute("alias") ?? (string?)e.Attribute("value"))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }
}
