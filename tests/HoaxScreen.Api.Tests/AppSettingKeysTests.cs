namespace HoaxScreen.Api.Tests;

/// <summary>The deployment files' key check itself: real settings pass, near misses (which configuration would ignore) do not.</summary>
public sealed class AppSettingKeysTests
{
    [TestCase("Model__Path")]
    [TestCase("Security__ApiKeys__3__Role")]
    [TestCase("RateLimits__PermitLimit")]
    [TestCase("Limits:RequestTimeoutSeconds")]
    [TestCase("Telemetry__Metrics__Enabled")]
    [TestCase("telemetry__metrics__requireapikey")]
    [TestCase("Logging__Console__FormatterName")]
    [TestCase("Logging__Console__FormatterOptions__IncludeScopes")]
    [TestCase("Logging__LogLevel__HoaxScreen")]
    [TestCase("ConnectionStrings__HoaxScreen")]
    public void IsKnown_BoundSetting_IsTrue(string key) => Assert.That(AppSettingKeys.IsKnown(key), Is.True);

    [TestCase("Model__Pth")]
    [TestCase("Security__ApiKey__0__Key")]
    [TestCase("Security__ApiKeys__x__Key")]
    [TestCase("Security__ApiKeys__0")]
    [TestCase("RateLimit__PermitLimit")]
    [TestCase("Telemetry__Metrics__Enable")]
    [TestCase("Telemetry__Metrics")]
    [TestCase("Logging__Console__FormaterName")]
    [TestCase("Logging__Format")]
    [TestCase("Unknown__Key")]
    [TestCase("ConnectionStrings__Hoaxscreen__Host")]
    public void IsKnown_Typo_IsFalse(string key) => Assert.That(AppSettingKeys.IsKnown(key), Is.False);
}
