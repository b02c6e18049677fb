namespace HoaxScreen.Api.Admin;

/// <summary>A reload that succeeded: the new bundle is served from now on.</summary>
public sealed record ModelReloadResponse
{
    /// <summary>Version of the bundle now served, as every screening result will report it.</summary>
    public required string Model { get; init; }

    /// <summary>Version of the bundle served before; requests already in flight finish with it.</summary>
    public required string PreviousModel { get; init; }

    /// <summary>The folder the bundle was loaded from.</summary>
    public required string Directory { get; init; }

    /// <summary>The labels the new bundle scores.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>When the new bundle was activated.</summary>
    public required DateTimeOffset LoadedAt { get; init; }

    /// <summary>How long loading and checking the bundle took, in milliseconds.</summary>
    public required long ElapsedMilliseconds { get; init; }
}
