using System.Text.Json;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Evaluation;
using HoaxScreen.Core.Modeling;

namespace HoaxScreen.Training.Tests;

public class CalibrationMetricsTests
{
    private static (float, bool)[] Rows(float score, int positives, int negatives) =>
        [.. Enumerable.Repeat((score, true), positives), .. Enumerable.Repeat((score, false), negatives)];

    [Test]
    public void Ece_EachBinsShareOfPositivesMatchesItsScore_IsZero()
    {
        // 0.25 with 1 of 4 positive, 0.75 with 3 of 4 positive, 0.55 with 11 of 20 positive.
        (float, bool)[] rows = [.. Rows(0.25f, 1, 3), .. Rows(0.75f, 3, 1), .. Rows(0.55f, 11, 9)];
        Assert.That(CalibrationMetrics.ExpectedCalibrationError(rows), Is.EqualTo(0).Within(1e-6));
    }

    [Test]
    public void Ece_KnownMiscalibration_IsRowWeightedGap()
    {
        // Bin [0.1, 0.2): 3 rows at 0.15, none positive → gap 0.15; bin [0.6, 0.7): 1 row at 0.65, negative → gap 0.65.
        (float, bool)[] rows = [.. Rows(0.15f, 0, 3), .. Rows(0.65f, 0, 1)];
        Assert.That(CalibrationMetrics.ExpectedCalibrationError(rows), Is.EqualTo((3 * 0.15 + 1 * 0.65) / 4).Within(1e-6));
    }

    [Test]
    public void Ece_ComparesBinMeans_NotSingleRows()
    {
        // One bin: mean score 0.15, share of positives 0.5 → 0.35 (row by row it would be 0.47).
        (float, bool)[] rows = [(0.12f, false), (0.18f, true)];
        Assert.That(CalibrationMetrics.ExpectedCalibrationError(rows), Is.EqualTo(0.35).Within(1e-6));
    }

    [Test]
    public void Ece_OverconfidentScores_IsTheGap()
    {
        Assert.That(CalibrationMetrics.ExpectedCalibrationError(Rows(0.95f, 1, 1)), Is.EqualTo(0.45).Within(1e-6));
    }

    [Test]
    public void ReliabilityBins_ScoreOfOne_FallsInLastBin_AndEmptyBinsAreLeftOut()
    {
        var bins = CalibrationMetrics.ReliabilityBins([(1f, true), (0.95f, true), (0f, false)]);
        Assert.That(bins.Select(b => (b.Lower, b.Rows)), Is.EqualTo(new[] { (0.0, 1), (0.9, 2) }));
        Assert.That(bins[1].PositiveShare, Is.EqualTo(1.0));
        Assert.That(bins[1].MeanScore, Is.EqualTo(0.975).Within(1e-6));
    }

    [Test]
    public void Brier_KnownRows_IsMeanSquaredError()
    {
        // Calibrated at 0.25 and 0.75: (0.75² + 3 × 0.25²) / 4 = 0.1875 in each bin.
        (float, bool)[] calibrated = [.. Rows(0.25f, 1, 3), .. Rows(0.75f, 3, 1)];
        Assert.That(CalibrationMetrics.BrierScore(calibrated), Is.EqualTo(0.1875).Within(1e-6));
        Assert.That(CalibrationMetrics.BrierScore([(1f, true), (0f, false)]), Is.EqualTo(0));
        Assert.That(CalibrationMetrics.BrierScore([(0f, true), (1f, false)]), Is.EqualTo(1));
    }

    [Test]
    public void EceAndBrier_NoRows_AreNaN_AndComputeLeavesThemOut()
    {
        Assert.That(CalibrationMetrics.ExpectedCalibrationError([]), Is.NaN);
        Assert.That(CalibrationMetrics.BrierScore([]), Is.NaN);
        var metrics = BinaryMetricsCalculator.Compute([], 0.5);
        Assert.That(metrics.Ece, Is.Null);
        Assert.That(metrics.Brier, Is.Null);
    }

    [Test]
    public void Compute_RecordsEceAndBrierRounded()
    {
        (float, bool)[] rows = [.. Rows(0.15f, 0, 3), .. Rows(0.65f, 0, 1)];
        var metrics = BinaryMetricsCalculator.Compute(rows, 0.5);
        Assert.That(metrics.Ece, Is.EqualTo(0.275));
        Assert.That(metrics.Brier, Is.EqualTo(0.1225));
    }

    [Test]
    public void LabelMetrics_ManifestWithoutCalibrationFields_StillReads()
    {
        const string older = """{ "rows": 10, "positives": 3, "precision": 0.5, "recall": 0.6, "f1": 0.55, "rocAuc": 0.9, "accuracy": 0.8 }""";
        var metrics = JsonSerializer.Deserialize<LabelMetrics>(older, JsonDefaults.Options)!;
        Assert.That(metrics.Rows, Is.EqualTo(10));
        Assert.That(metrics.Ece, Is.Null);
        Assert.That(metrics.Brier, Is.Null);
        var written = JsonSerializer.Serialize(metrics with { Ece = 0.04, Brier = 0.1 }, JsonDefaults.Options);
        Assert.That(written, Does.Contain("\"ece\": 0.04").And.Contain("\"brier\": 0.1"));
    }
}
