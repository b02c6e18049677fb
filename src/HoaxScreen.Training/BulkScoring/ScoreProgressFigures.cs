using System.Globalization;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>One state of a <c>score</c> run's progress, and how it reads as text.</summary>
/// <param name="Fraction">Share of the input read, 0..1; null when the input's size is unknown.</param>
/// <param name="PostsPerSecond">Rows written by this run per second of it.</param>
/// <param name="Left">Time left at this run's rate of reading; null when unknown.</param>
public sealed record ScoreProgressFigures(long Rows, double? Fraction, double PostsPerSecond, TimeSpan? Left)
{
    /// <summary>The line written when stderr is not a terminal: <c>[score]  42.0%  1,234 posts  5,678 posts/s  ETA 0:12</c>.</summary>
    public string PlainLine() => Fraction is { } fraction
        ? string.Create(CultureInfo.InvariantCulture, $"[score] {fraction * 100,5:F1}%  {Counts()}")
        : "[score] " + Counts();

    /// <summary>Rows, rate and time left, without the percent (the bar shows that on a terminal).</summary>
    public string Counts()
    {
        var eta = Left is { } left
            ? "  ETA " + left.ToString(left.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture)
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{Rows:N0} posts  {PostsPerSecond:N0} posts/s{eta}");
    }
}
