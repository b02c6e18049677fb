namespace HoaxScreen.Api.Options;

/// <summary>Deployment term lists (configuration section <c>TermLists</c>): off unless <see cref="Path"/> names a store
/// or <c>ConnectionStrings:HoaxScreen</c> names the shared database (<see cref="DatabaseOptions"/>).</summary>
public sealed class TermListsOptions
{
    public const string SectionName = "TermLists";

    /// <summary>
    /// The term-list store (SQLite); a relative path resolves against the content root, and a missing file is created
    /// empty. Absent: no term lists, and responses carry no <c>termMatches</c>.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>How often the store is checked for changes made by other replicas, in seconds (two: within five seconds everywhere).</summary>
    public int RefreshSeconds { get; set; } = 2;

    public bool Enabled => !string.IsNullOrWhiteSpace(Path);
}
