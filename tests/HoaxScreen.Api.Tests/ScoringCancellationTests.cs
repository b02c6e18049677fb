using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Scoring stops when its request times out: with the budgets raised so that one explanation would take seconds, a
/// request with a 1 s timeout answers 503 (which the timeout middleware writes only when the endpoint gave up on its
/// cancelled token; work that ignored it would finish and answer 200). Before, an explanation ran to its end whatever
/// the timeout or the client did.
/// </summary>
[TestFixture]
public sealed class ScoringCancellationTests : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Limits:RequestTimeoutSeconds"] = "1",
        ["Screening:MaxTextLength"] = "400000",
        ["Screening:MaxNormalizedLength"] = "10000000",
        ["Screening:MaxBatchTextLength"] = "10000000",
        ["Screening:ExplainBudgetCharacters"] = "1000000000",
    };

    [Test]
    public async Task Explain_WorkLongerThanTheTimeout_StopsAndAnswers503()
    {
        // ~30,000 distinct words: 200 occluded passes over ~300,000 characters, several seconds of work.
        var text = new StringBuilder();
        for (var i = 0; text.Length < 300_000; i++)
        {
            text.Append("kata").Append(i.ToString("x", System.Globalization.CultureInfo.InvariantCulture).Replace('0', 'g')).Append(' ');
        }

        var watch = Stopwatch.StartNew();
        using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = text.ToString(), ["explain"] = true, ["explainAllLabels"] = true });
        watch.Stop();

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Limits:RequestTimeoutSeconds"), $"answered after {watch.Elapsed.TotalSeconds:F1} s");
    }
}
