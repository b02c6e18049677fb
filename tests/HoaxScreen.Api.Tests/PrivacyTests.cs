using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace HoaxScreen.Api.Tests;

/// <summary>With every category logging at Trace, no log entry above Trace carries any part of a post's text.</summary>
[TestFixture]
public sealed class PrivacyTests : ApiFixture
{
    private const string Marker = "zqxrahasia";

    private readonly CapturingLoggerProvider _logs = new();

    protected override ILoggerProvider LoggerProvider => _logs;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:HoaxScreen"] = "Trace",
        ["Screening:MaxTextLength"] = "200",
    };

    [Test]
    public async Task Logs_EveryKindOfRequest_NeverCarryPostTextAboveTrace()
    {
        var text = $"SEBARKAN!! {Marker} vaksin mengandung chip, dasar b4b1 {Marker}";
        using (await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = text, ["id"] = "p-1" }))
        using (await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = text, ["explain"] = true, ["explainAllLabels"] = true }))
        using (await Client.PostRawAsync("/v1/screen/batch", $$"""{ "items": [ { "text": "{{text}}" }, { "text": "{{text}}", "explain": true } ] }"""))
        using (await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = text + new string('x', 300) }))
        using (await Client.PostRawAsync("/v1/screen/batch", $$"""{ "items": [ { "text": "{{text}}" }, { "text": " " } ] }"""))
        using (await Client.PostRawAsync("/v1/screen", $$"""{ "text": "{{text}}" """))
        using (await Client.PostRawAsync("/v1/screen", $$"""{ "text": "{{text}}", "topWords": "{{Marker}}" }"""))
        using (await Client.PostRawAsync("/v1/screen", $$"""{ "text": "{{text}}" }""", "text/plain"))
        {
        }

        var leaks = _logs.Entries
            .Where(e => e.Level > LogLevel.Trace)
            .Where(e => e.Message.Contains(Marker, StringComparison.OrdinalIgnoreCase)
                || (e.Exception?.Contains(Marker, StringComparison.OrdinalIgnoreCase) ?? false)
                || e.Properties.Any(p => p.Contains(Marker, StringComparison.OrdinalIgnoreCase)))
            .Select(e => $"{e.Level} {e.Category}[{e.EventId}]: {e.Message}")
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(_logs.Entries.Count(e => e.Category.StartsWith("HoaxScreen", StringComparison.Ordinal)), Is.GreaterThan(5), "the app did log");
            Assert.That(leaks, Is.Empty);
        });
    }
}
