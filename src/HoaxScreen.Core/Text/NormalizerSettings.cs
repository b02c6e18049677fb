namespace HoaxScreen.Core.Text;

/// <summary>
/// How raw posts are turned into model text. Stored in every bundle's manifest so serving
/// normalises exactly as training did.
/// </summary>
public sealed record NormalizerSettings(
    int Version = NormalizerSettings.CurrentVersion,
    bool Lowercase = true,
    bool ReplaceUrls = true,
    bool ReplaceMentions = true,
    int MaxRepeatedCharacters = 2)
{
    public const int CurrentVersion = 1;

    public static NormalizerSettings Default { get; } = new();
}
