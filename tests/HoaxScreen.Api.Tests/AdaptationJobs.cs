using System.Net;
using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Tests;

/// <summary>Starts an adaptation job over HTTP and follows it to its end.</summary>
internal static class AdaptationJobs
{
    public static async Task<JsonObject> RunToEndAsync(HttpClient client, JsonObject request)
    {
        using var started = await client.PostJsonNodeAsync("/admin/model/adapt", request);
        var body = await started.ReadObjectAsync();
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), body.ToJsonString());
        var location = body["location"]!.GetValue<string>();
        Assert.That(started.Headers.Location?.ToString(), Is.EqualTo(location));

        // A guard against a job that never ends, not a speed requirement.
        for (var poll = 0; poll < 1_200; poll++)
        {
            var job = await (await client.GetAsync(location)).ReadObjectAsync();
            if (job["status"]!.GetValue<string>() is not ("queued" or "running"))
            {
                return job;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"job {location} did not end");
        return null!;
    }
}
