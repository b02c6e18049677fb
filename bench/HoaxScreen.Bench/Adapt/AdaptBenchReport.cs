using System.Globalization;
using System.Text;
using HoaxScreen.Core.Adaptation;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Bench.Adapt;

/// <summary>The Markdown of bench/results/adapt.md.</summary>
public static class AdaptBenchReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(IReadOnlyList<HeldOutRun> runs, int[] sizes, AdaptSystem[] methods, TrainingRecipe recipe,
        IReadOnlyList<(string Method, double Seconds)> timing, TimeSpan wall)
    {
        var names = methods.Select(m => m.Name).ToList();
        var md = new StringBuilder();
        md.AppendLine("# Adapting to an unseen community (issue 26)");
        md.AppendLine();
        md.Append(Inv, $"`dotnet run --project bench/HoaxScreen.Bench -c Release -- adapt` ({DateTimeOffset.UtcNow:yyyy-MM-dd}, {wall.TotalMinutes:F0} min on 2 shared cores). ");
        var recipeName = BenchPaths.Display(recipe.RecipePath ?? "recipe");
        md.Append(Inv, $"Leave one source out over `{recipeName}`: for each community (a public set, a Netifier platform, the team corpus) a base is ");
        md.Append("trained on every other source with the production recipe's settings (reduced: thresholds from the validation split, no 5-fold cross-validation), never seeing the community. ");
        var sizeList = string.Join(", ", sizes);
        md.Append(Inv, $"The community's posts are ordered by FNV-1a of their text; the first {sizes[^1]} are the feedback pool (K = {sizeList} take its first K), ");
        md.Append("every other post of the community is judged (the same posts for every K and system). ");
        md.Append("`base`: the base at its shipped thresholds; `thresholds`: thresholds re-chosen on the K posts; `platt`: α·logit + β re-calibration; ");
        md.Append("`residual`: α·logit + β + a sparse correction over the base's features with strong L2 (λ by 5-fold cross-validated log-loss among 1, 3, 10, 30, ∞); ");
        md.Append("`warm`: the base head retrained on the K posts with an L2 prior centred on its own weights (α = 1); ");
        md.Append("`local` (what `adapt` does by default): only the sparse correction (α = 1, β = 0; λ among 0.1, 0.3, 1, 3, 10, 30) at the base's threshold, so posts sharing no feature with the feedback keep their verdicts. ");
        md.Append(Inv, $"Thresholds are chosen on out-of-fold scores. A label with fewer than {LabelAdapter.MinimumPositives} positive or negative feedback posts keeps the base (marked *).");
        md.AppendLine();
        md.AppendLine();

        var community = runs.SelectMany(r => r.Community).ToList();
        md.AppendLine(Inv, $"## Summary at K = {sizes[^1]}");
        md.AppendLine();
        md.AppendLine("Mean F1 and ROC AUC over the community labels below (every label with positives among the judged posts), and how many reach F1 ≥ 0.60.");
        md.AppendLine();
        md.AppendLine("| system | mean F1 | mean AUC | F1 ≥ 0.60 | labels |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var system in names.Prepend("base"))
        {
            var rows = community.Where(r => r.System == system && (system == "base" || r.K == sizes[^1])).ToList();
            if (rows.Count > 0)
            {
                md.AppendLine(Inv, $"| {system} | {rows.Average(r => r.F1):F3} | {rows.Where(r => r.Auc is not null).Average(r => r.Auc!.Value):F3} | {rows.Count(r => r.F1 >= 0.60)} | {rows.Count} |");
            }
        }

        md.AppendLine();
        md.AppendLine("## Per community and label: F1 (ROC AUC) on the judged posts");
        md.AppendLine();
        md.AppendLine($"| community | label | judged | positives | K | feedback positives | base | {string.Join(" | ", names)} |");
        md.AppendLine($"| --- | --- | ---: | ---: | ---: | ---: | ---: | {string.Join(" | ", names.Select(_ => "---:"))} |");
        foreach (var group in community.Where(r => r.System != "base").GroupBy(r => (r.Source, r.Label, r.K)))
        {
            var first = group.First();
            var baseRow = community.First(r => r.System == "base" && r.Source == first.Source && r.Label == first.Label);
            md.AppendLine(Inv, $"| {first.Source} | {first.Label} | {first.Rows:N0} | {first.Positives:N0} | {first.K} | {first.FeedbackPositives} | {Cell(baseRow)} | " +
                $"{string.Join(" | ", names.Select(n => group.FirstOrDefault(r => r.System == n) is { } r ? Cell(r) + (r.KeptBase ? "*" : string.Empty) : "—"))} |");
        }

        md.AppendLine();
        md.AppendLine("## The base's own evaluation split, before and after adaptation");
        md.AppendLine();
        md.AppendLine("F1 of each adapted label on the evaluation split of the base's own training sources (rows it never trained on), at the base's " +
            "threshold (before) and the adapted head's (after). Target: no loss over 0.01. Labels that kept the base are left out (no change).");
        md.AppendLine();
        md.AppendLine($"| community | K | {string.Join(" | ", names.Select(n => $"{n}: worst ΔF1 (label)"))} |");
        md.AppendLine($"| --- | ---: | {string.Join(" | ", names.Select(_ => "---"))} |");
        var own = runs.SelectMany(r => r.OwnSplit).ToList();
        foreach (var group in own.GroupBy(o => (o.Source, o.K)))
        {
            md.AppendLine(Inv, $"| {group.Key.Source} | {group.Key.K} | {string.Join(" | ", names.Select(n =>
            {
                var rows = group.Where(o => o.Method == n).ToList();
                if (rows.Count == 0)
                {
                    return "no change";
                }

                var worst = rows.MinBy(o => o.F1Adapted - o.F1Base)!;
                return string.Create(Inv, $"{worst.F1Adapted - worst.F1Base:+0.000;-0.000} ({worst.Label} {worst.F1Base:F3}→{worst.F1Adapted:F3})");
            }))} |");
        }

        md.AppendLine();
        md.AppendLine("## Time");
        md.AppendLine();
        foreach (var run in runs)
        {
            md.Append(Inv, $"- {run.Source}: base trained in {run.TrainingSeconds:F0} s; {run.FeedbackPool} feedback posts, {run.EvaluationRows:N0} judged; fitting at K = {sizes[^1]}: ");
            md.AppendLine(string.Join(", ", run.AdaptSeconds.Where(a => a.K == sizes[^1]).Select(a => string.Create(Inv, $"{a.Method} {a.Seconds:F1} s"))));
        }

        if (timing.Count > 0)
        {
            md.Append(Inv, $"- The whole of `adapt` on the production bundle (`models/default`: load, featurise, fit, write and seal the new bundle) with {sizes[^1]} posts: ");
            md.AppendLine(string.Join(", ", timing.Select(t => string.Create(Inv, $"{t.Method} {t.Seconds:F1} s"))) + " (target: under 60 s).");
        }

        return md.ToString();
    }

    private static string Cell(CommunityResult r) =>
        string.Create(Inv, $"{r.F1:F3} ({(r.Auc is { } a && double.IsFinite(a) ? a.ToString("F3", Inv) : "—")})");
}
