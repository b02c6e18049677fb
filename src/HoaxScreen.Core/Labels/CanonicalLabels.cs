using System.Text.RegularExpressions;

namespace HoaxScreen.Core.Labels;

/// <summary>The four labels every HoaxScreen deployment is expected to score; a model may carry more.</summary>
public static partial class CanonicalLabels
{
    public const string Hoax = "hoax";
    public const string HateSpeech = "hate_speech";
    public const string Abusive = "abusive";
    public const string Sara = "sara";

    public static IReadOnlyList<string> All { get; } = [Hoax, HateSpeech, Abusive, Sara];

    /// <summary>Label names become ML.NET column names and JSON keys, so they are kept to a safe alphabet.</summary>
    public static bool IsValidName(string name) => LabelNamePattern().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelNamePattern();
}
