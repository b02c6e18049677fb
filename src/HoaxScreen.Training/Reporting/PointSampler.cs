namespace HoaxScreen.Training.Reporting;

/// <summary>Thins a curve for drawing: keeps the first and last point and evenly spaced ones between, in order.</summary>
public static class PointSampler
{
    public const int MaxCurvePoints = 200;

    public static IReadOnlyList<T> Downsample<T>(IReadOnlyList<T> points, int maxPoints = MaxCurvePoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        if (points.Count <= maxPoints)
        {
            return points;
        }

        var kept = new T[maxPoints];
        for (var i = 0; i < maxPoints; i++)
        {
            // Integer arithmetic: the same input always keeps the same points.
            kept[i] = points[(int)((long)i * (points.Count - 1) / (maxPoints - 1))];
        }

        return kept;
    }
}
