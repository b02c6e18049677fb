namespace HoaxScreen.Training.Data;

/// <summary>One post with a value per dataset label: true, false, or null when the source does not know it.</summary>
public sealed record LabelledPost(string Text, bool?[] Labels, string SourcePath, int Line)
{
    /// <summary>
    /// Positive for a label its source maps but the recipe does not train (see <see cref="TrainingRecipe.Labels"/>):
    /// such a post is harmful in some other way, so reports never count it as a clean post.
    /// </summary>
    public bool OtherHarm { get; init; }
}
