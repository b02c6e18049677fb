using HoaxScreen.Core.Claims;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Api.Tests;

/// <summary>Claims stores and settings for tests of known-hoax matching in the service.</summary>
internal static class ClaimStores
{
    /// <summary>Repeats the team's claim tc-0001 (vaccine with pork and a tracking chip).</summary>
    public const string VaccinePost =
        "PENTING!! vaksin campak di posyandu katanya mengandung babi dan ada chip pelacaknya, sebarkan ke grup keluarga sebelum dihapus";

    public static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "Fixtures", "claims", name);

    /// <summary>A new store in a temporary folder holding the team's claims (data/claims/claims.csv).</summary>
    public static string CreateTeamStore()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hoaxscreen-claims-api-").FullName, "claims.db");
        ClaimStore.Open(path).Upsert(ClaimImport.Load(Path.Combine(RepoPaths.DataFolder, "claims", "claims.csv")).Claims);
        return path;
    }

    /// <summary>
    /// Matching on over <paramref name="store"/>, with the store watch slowed to once an hour: a change the tests see at
    /// once can only have come from the admin route's own rebuild.
    /// </summary>
    public static Dictionary<string, string?> Settings(string store) => new()
    {
        ["Claims:Path"] = store,
        ["Claims:MatcherPath"] = RepoPaths.Bundle("claims"),
        ["Claims:RefreshSeconds"] = "3600",
    };
}
