using System.ComponentModel.DataAnnotations;

namespace HoaxScreen.Api.Options;

/// <summary>Known-hoax matching (configuration section <c>Claims</c>): off unless <see cref="Path"/> names a store
/// or <c>ConnectionStrings:HoaxScreen</c> names the shared database (<see cref="DatabaseOptions"/>).</summary>
public sealed class ClaimsOptions
{
    public const string SectionName = "Claims";

    /// <summary>
    /// The fact-check store (SQLite, filled by <c>claims import</c>); a relative path resolves against the content root.
    /// Absent: no matching, and responses carry no <c>knownClaims</c>. A path to a file that does not exist yet is
    /// created as an empty store.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>The trained matcher folder (matcher.json, decider.zip).</summary>
    public string MatcherPath { get; set; } = "models/claims";

    /// <summary>
    /// How often the store is checked for changes (its revision), in seconds; a change rebuilds the matcher. Two by
    /// default, so an import through one replica is used by every replica's scoring within five seconds.
    /// </summary>
    [Range(1, 3_600)]
    public int RefreshSeconds { get; set; } = 2;

    /// <summary>
    /// Largest claims file <c>POST /admin/claims</c> accepts, in bytes (default 64 MiB, about 190,000 fully filled
    /// claims); it replaces <c>Limits:MaxRequestBodyBytes</c> for that route only.
    /// </summary>
    [Range(typeof(long), "1024", "1073741824")]
    public long MaxImportBytes { get; set; } = DefaultMaxImportBytes;

    public const long DefaultMaxImportBytes = 64L * 1024 * 1024;

    public bool Enabled => !string.IsNullOrWhiteSpace(Path);
}
