namespace HoaxScreen.Tests.Shared;

/// <summary>The labels both shipped bundles carry, in their order: the four canonical ones and campaign (issue 25).</summary>
public static class ShippedLabels
{
    public static readonly string[] All = ["hoax", "hate_speech", "abusive", "sara", "campaign"];
}
