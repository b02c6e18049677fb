namespace HoaxScreen.Api.Options;

/// <summary>Where the model bundle to serve lives, and how a new one is activated (configuration section <c>Model</c>).</summary>
public sealed class ModelOptions
{
    public const string SectionName = "Model";

    public const string DefaultPath = "models/default";

    /// <summary>
    /// The bundle folder (model.zip + manifest.json). A relative path is looked up under the content root
    /// first, then under the current directory.
    /// </summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>
    /// Optional folder whose subfolders <c>POST /admin/model/reload</c> may load a bundle from (a relative path resolves
    /// against the content root). Without it, a reload can only re-read <see cref="Path"/>.
    /// </summary>
    public string? ReloadRoot { get; set; }

    /// <summary>Reload the bundle at <see cref="Path"/> when its files change (e.g. the training CLI swaps a new one in).</summary>
    public bool WatchForChanges { get; set; }

    /// <summary>How long the bundle folder must stay quiet after a change before the watch reloads it, in milliseconds.</summary>
    public int WatchDebounceMilliseconds { get; set; } = 2_000;

    public const int MinWatchDebounceMilliseconds = 50;

    public const int MaxWatchDebounceMilliseconds = 600_000;
}
