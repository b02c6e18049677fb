namespace HoaxScreen.Api.LabelStudio;

/// <summary>
/// The Label Studio ML backend under <c>/labelstudio</c> (configuration section <c>LabelStudio</c>): off unless
/// <see cref="Enabled"/>. The names must match the project's labelling config (deploy/labelstudio/labeling-config.xml).
/// </summary>
public sealed class LabelStudioOptions
{
    public const string SectionName = "LabelStudio";

    /// <summary>Serve the backend's routes; while false they answer 404 saying how to turn them on.</summary>
    public bool Enabled { get; set; }

    /// <summary>The <c>name</c> of the config's <c>&lt;Choices&gt;</c> tag: predictions are sent for it, annotations read from it.</summary>
    public string FromName { get; set; } = "labels";

    /// <summary>The <c>name</c> of the config's <c>&lt;Text&gt;</c> tag the choices label.</summary>
    public string ToName { get; set; } = "text";

    /// <summary>The task data field holding the post (<c>$text</c> in the config's <c>&lt;Text value="$text"/&gt;</c>).</summary>
    public string TextField { get; set; } = "text";
}
