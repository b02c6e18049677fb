using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Core.Tests.Claims;

/// <summary>tests/Fixtures/claims: team-written fact-check files (example.org URLs only).</summary>
internal static class ClaimFixtures
{
    public static string Path(string name) => System.IO.Path.Combine(RepoPaths.Root, "tests", "Fixtures", "claims", name);
}
