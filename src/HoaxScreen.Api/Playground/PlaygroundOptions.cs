namespace HoaxScreen.Api.Playground;

/// <summary>The moderator playground (configuration section <c>Playground</c>).</summary>
public sealed class PlaygroundOptions
{
    public const string SectionName = "Playground";

    /// <summary>Serve the page at <c>/</c>. Off for an API-only deployment: <c>/</c> then answers 404 like any unknown path.</summary>
    public bool Enabled { get; set; } = true;
}
