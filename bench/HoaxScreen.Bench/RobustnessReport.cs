using System.Globalization;
using System.Text;

namespace HoaxScreen.Bench;

/// <summary>Everything one robustness run measured.</summary>
public sealed record RobustnessRun(
    string Recipe,
    int Seed,
    int Rows,
    int EvaluationRows,
    int Watchwords,
    bool SameWatchwords,
    int PostsDisguised,
    int WordsDisguised,
    int WatchwordsDisguised,
    IReadOnlyDictionary<Disguise, int> WordsByDisguise,
    IReadOnlyList<ModelRobustness> Models,
    IReadOnlyList<string> ManifestMismatches,
    double WallSeconds);

/// <summary>Renders a robustness run as Markdown (the same text goes to stdout and to the report file).</summary>
public static class RobustnessReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The target: the obfuscated variant's F1 no more than this below the clean one.</summary>
    public const double TargetDrop = 0.03;

    public static bool MeetsTarget(LabelRobustness label) => label.Clean.F1 - label.Obfuscated.F1 <= TargetDrop + 1e-9;

    public static string Render(RobustnessRun run)
    {
        var md = new StringBuilder();
        var normalised = run.Models[0];
        var minimal = run.Models.Count > 1 ? run.Models[1] : null;

        md.AppendLine("# Robustness to obfuscation");
        md.AppendLine();
        md.AppendLine(Inv,
            $"recipe `{run.Recipe}` · seed {run.Seed} · {run.Rows:N0} posts, {run.EvaluationRows:N0} in the held-out evaluation split " +
            $"(never trained on) · training time: {string.Join(", ", run.Models.Select(m => $"{m.Name} {m.TrainingSeconds:F1} s"))} · " +
            $"wall time {run.WallSeconds:F0} s");
        md.AppendLine();
        md.AppendLine(Inv,
            $"obfuscation: {run.WordsDisguised:N0} words disguised in {run.PostsDisguised:N0} of {run.EvaluationRows:N0} posts " +
            $"({Ratio(run.WordsDisguised, run.EvaluationRows):F1} per post), {run.WatchwordsDisguised:N0} of them watch words " +
            $"(lexicon: {run.Watchwords:N0} watch words{(run.SameWatchwords ? ", the same in both bundles" : "; the minimal bundle's differ, the normalised bundle's were used")}); " +
            $"other words of ≥{Obfuscator.MinimumOtherWordLength} letters with p = {Obfuscator.OtherWordProbability}");
        if (run.Watchwords == 0)
        {
            md.AppendLine();
            md.AppendLine("note: the recipe lists no watch-word files, so only randomly picked words were disguised.");
        }

        md.AppendLine();
        md.AppendLine("F1 at each bundle's own threshold, on rows where the label is known; ΔF1 = obfuscated − clean; " +
            "mean pos = mean score of the label's positive posts.");
        md.AppendLine();
        md.AppendLine("| label | model | rows | pos | threshold | F1 clean | F1 obf | ΔF1 | mean pos clean | mean pos obf | AUC clean | AUC obf |");
        md.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var label in normalised.Labels.Select(l => l.Label))
        {
            foreach (var model in run.Models)
            {
                var l = model.Labels.First(x => x.Label == label);
                md.AppendLine(Inv,
                    $"| {label} | {model.Name} | {l.Clean.Rows:N0} | {l.Clean.Positives:N0} | {l.Threshold:F3} | {l.Clean.F1:F3} | {l.Obfuscated.F1:F3} | " +
                    $"{Signed(l.DeltaF1)} | {l.MeanPositiveScoreClean:F3} | {l.MeanPositiveScoreObfuscated:F3} | {Auc(l.Clean.RocAuc)} | {Auc(l.Obfuscated.RocAuc)} |");
            }
        }

        md.AppendLine();
        md.AppendLine(Inv, $"## Target: obfuscated F1 within {TargetDrop} of clean ({normalised.Name} model)");
        md.AppendLine();
        md.AppendLine(string.Join(" · ", normalised.Labels.Select(l =>
            string.Create(Inv, $"{l.Label} {(MeetsTarget(l) ? "meets" : "MISSES")} ({Signed(l.DeltaF1)})"))));
        md.AppendLine();
        md.AppendLine(Inv, $"{normalised.Labels.Count(MeetsTarget)} of {normalised.Labels.Count} labels meet the target " +
            $"(a drop of at most {TargetDrop}; a rise counts as meeting it).");

        if (minimal is not null)
        {
            md.AppendLine();
            md.AppendLine("## Effect of normalisation on held-out F1 (normalised − minimal)");
            md.AppendLine();
            md.AppendLine("| label | F1 clean normalised | F1 clean minimal | effect clean | F1 obf normalised | F1 obf minimal | effect obf |");
            md.AppendLine("|---|--:|--:|--:|--:|--:|--:|");
            foreach (var n in normalised.Labels)
            {
                var m = minimal.Labels.First(x => x.Label == n.Label);
                md.AppendLine(Inv,
                    $"| {n.Label} | {n.Clean.F1:F3} | {m.Clean.F1:F3} | {Signed(n.Clean.F1 - m.Clean.F1)} | " +
                    $"{n.Obfuscated.F1:F3} | {m.Obfuscated.F1:F3} | {Signed(n.Obfuscated.F1 - m.Obfuscated.F1)} |");
            }

            md.AppendLine(Inv,
                $"| **mean** | {normalised.Labels.Average(l => l.Clean.F1):F3} | {minimal.Labels.Average(l => l.Clean.F1):F3} | " +
                $"{Signed(normalised.Labels.Average(l => l.Clean.F1) - minimal.Labels.Average(l => l.Clean.F1))} | " +
                $"{normalised.Labels.Average(l => l.Obfuscated.F1):F3} | {minimal.Labels.Average(l => l.Obfuscated.F1):F3} | " +
                $"{Signed(normalised.Labels.Average(l => l.Obfuscated.F1) - minimal.Labels.Average(l => l.Obfuscated.F1))} |");
        }

        md.AppendLine();
        md.AppendLine("## By disguise (each one alone, on the same words)");
        md.AppendLine();
        md.AppendLine("Mean ΔF1 over labels (obfuscated − clean) and the label that drops most.");
        md.AppendLine();
        md.AppendLine("| disguise | words | " + string.Join(" | ", run.Models.Select(m => $"mean ΔF1 {m.Name} | worst {m.Name}")) + " |");
        md.AppendLine("|---|--:|" + string.Concat(run.Models.Select(_ => "--:|---|")));
        foreach (var (kind, words) in run.WordsByDisguise)
        {
            var cells = run.Models.Select(m =>
            {
                var deltas = m.Labels.Select((l, i) => (l.Label, Delta: m.F1ByDisguise[kind][i] - l.Clean.F1)).ToList();
                var worst = deltas.MinBy(d => d.Delta);
                return string.Create(Inv, $"{Signed(deltas.Average(d => d.Delta))} | {worst.Label} {Signed(worst.Delta)}");
            });
            md.AppendLine(Inv, $"| {Name(kind)} | {words:N0} | {string.Join(" | ", cells)} |");
        }

        if (run.ManifestMismatches.Count > 0)
        {
            md.AppendLine();
            md.AppendLine($"warning: clean F1 differs from the bundle manifest: {string.Join("; ", run.ManifestMismatches)}");
        }

        return md.ToString();
    }

    private static string Name(Disguise kind) => kind switch
    {
        Disguise.Leet => "leet digits",
        Disguise.SpacedLetters => "spaced letters",
        Disguise.Mask => "masked letter",
        Disguise.Elongation => "elongation",
        Disguise.ZeroWidthSpace => "zero-width space",
        Disguise.FullWidth => "full-width",
        Disguise.Cyrillic => "Cyrillic homoglyphs",
        Disguise.UpperCase => "upper case",
        _ => kind.ToString(),
    };

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    private static string Signed(double value) => Math.Round(value, 3) == 0
        ? "0.000"
        : value.ToString("+0.000;-0.000", CultureInfo.InvariantCulture);

    private static string Auc(double? auc) => auc is { } a ? a.ToString("F3", CultureInfo.InvariantCulture) : "n/a";

}
