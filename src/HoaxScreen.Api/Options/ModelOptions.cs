namespace HoaxScreen.Api.Options;

/// <summary>Where the model bundle to serve lives (configuration section <c>Model</c>).</summary>
public sealed class ModelOptions
{
    public const string SectionName = "Model";

    public const string DefaultPath = "models/default";

    /// <summary>
    /// The bundle folder (model.zip + manifest.json). A relative path is looked up under the content root
    /// first, then under the current directory.
    /// </summary>
    public string Path { get; set; } = DefaultPath;
}
