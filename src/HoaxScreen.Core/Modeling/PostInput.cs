namespace HoaxScreen.Core.Modeling;

/// <summary>ML.NET input row: the post after <see cref="Text.TextNormalizer"/>.</summary>
public sealed class PostInput
{
    public string Text { get; set; } = string.Empty;
}
