namespace HoaxScreen.Api.Admin;

/// <summary>Which bundle to activate: <c>{}</c> re-reads the configured bundle. The body itself is required (as JSON).</summary>
public sealed record ModelReloadRequest
{
    /// <summary>
    /// The bundle folder to load: the configured <c>Model:Path</c> (the default when absent), or a folder under
    /// <c>Model:ReloadRoot</c> (a relative path resolves against it).
    /// </summary>
    /// <example>/srv/hoaxscreen/models/2026-12-01</example>
    public string? Path { get; init; }
}
