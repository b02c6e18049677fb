using System.Globalization;
using System.Text;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Bench;

/// <summary>Everything one quality run produced; the report computes every metric from it with <see cref="QualityMetrics"/>.</summary>
public sealed record QualityRun(
    string Recipe,
    string? Trainer,
    string? TrainerOverride,
    int Posts,
    int EvaluationPosts,
    IReadOnlyList<TaskData> Tasks,
    IReadOnlyList<SystemResult> Systems,
    IReadOnlyList<HoldoutRun>? Holdouts,
    string? HoldoutNote,
    IReadOnlyList<string> Warnings,
    double WallSeconds);

/// <summary>Renders a quality run as Markdown (the same text goes to stdout and to the report file). Metrics only, never rows.</summary>
public static class QualityReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(QualityRun run)
    {
        var md = new StringBuilder();
        var tasks = run.Tasks.Where(t => t.Runnable).ToList();
        var hoaxScreen = run.Systems.First(s => s.IsHoaxScreen);
        var peers = run.Systems.Where(s => !s.IsHoaxScreen).ToList();
        var scored = run.Systems.Where(s => s.Problem is null).ToList();

        md.AppendLine("# Model quality: HoaxScreen against scikit-learn and fastText");
        md.AppendLine();
        md.AppendLine(Inv,
            $"recipe `{run.Recipe}` · {run.Posts:N0} posts, {run.EvaluationPosts:N0} in the evaluation split · " +
            $"split: {DataSplit.Description} · wall time {run.WallSeconds:F0} s");
        if (run.Trainer is not null)
        {
            md.AppendLine();
            md.AppendLine(Inv, $"HoaxScreen trainer: `{run.Trainer}`{(run.TrainerOverride is null ? "" : $" (recipe settings overridden by `--trainer {run.TrainerOverride}`)")}");
        }

        md.AppendLine();
        md.AppendLine("Same protocol for every system, on the same rows: fit on train, choose the decision threshold on validation " +
            "(HoaxScreen's rule: the F1-maximising cut, 0.5 with fewer than 5 validation positives), refit on train + validation, " +
            "score the evaluation rows, which no system sees before. The peers fit one model per task on that task's source; " +
            "HoaxScreen fits one bundle on all sources, so `sara` (Ibrohim + Netifier) and `hoax` (posts + news) share one model " +
            "and one threshold. Every metric below is computed by the harness with the same code for all systems.");
        if (run.Trainer is null)
        {
            md.AppendLine();
            md.AppendLine("**HoaxScreen here is a bundle given with `--model`**, not trained by this run: its thresholds are its own, and " +
                "whether it saw these evaluation rows depends on how it was trained.");
        }
        md.AppendLine();

        md.AppendLine("| system | configuration | training (wall) | CPU |");
        md.AppendLine("|---|---|--:|--:|");
        foreach (var system in run.Systems)
        {
            md.AppendLine(system.Problem is null
                ? $"| {system.Name} | {system.Config} | {Seconds(system.TrainingSeconds)} | {Seconds(system.CpuSeconds)} |"
                : $"| {system.Name} | {system.Problem} | — | — |");
        }

        md.AppendLine();
        md.AppendLine("Training time: HoaxScreen = `ModelTrainer.Train` (read, normalise, fit for thresholds, refit, write bundle); " +
            "peers = the whole peer process for all tasks (vectorising, settings grid, refit, prediction). CPU includes child processes.");
        md.AppendLine();

        // Main table.
        md.AppendLine("## Evaluation split, per task");
        md.AppendLine();
        md.AppendLine("F1 = F1 of the positive class at the system's threshold; macro F1 = mean of the positive- and negative-class F1; " +
            "best per task in bold. hoax-posts is judged by macro F1 (82% of its posts are hoaxes).");
        md.AppendLine();
        md.AppendLine("| task | rows (eval) | positives | system | F1 | macro F1 | ROC AUC |");
        md.AppendLine("|---|--:|--:|---|--:|--:|--:|");
        foreach (var task in tasks)
        {
            var scores = scored.Select(s => (System: s, Score: ScoreOf(s, task))).Where(x => x.Score is not null).ToList();
            var bestF1 = scores.Max(x => x.Score!.F1);
            var bestMacro = scores.Max(x => x.Score!.MacroF1);
            var bestAuc = scores.Max(x => x.Score!.RocAuc);
            var name = task.Task.MacroPrimary ? $"**{task.Task.Name}** (macro F1)" : task.Task.Name;
            var positives = task.Evaluation.Count(r => r.Truth);
            foreach (var system in run.Systems)
            {
                var score = ScoreOf(system, task);
                var cells = score is null ? "— | — | —" : $"{Bold(score.F1, bestF1, scores.Count)} | {Bold(score.MacroF1, bestMacro, scores.Count)} | {Bold(score.RocAuc, bestAuc, scores.Count)}";
                md.AppendLine(Inv, $"| {name} | {task.Evaluation.Count:N0} | {positives:N0} | {system.Name} | {cells} |");
            }
        }

        var hoaxPosts = tasks.FirstOrDefault(t => t.Task.MacroPrimary);
        if (hoaxPosts is not null && hoaxPosts.Evaluation.Count > 0)
        {
            var rate = hoaxPosts.Evaluation.Count(r => r.Truth) / (double)hoaxPosts.Evaluation.Count;
            md.AppendLine();
            md.AppendLine(Inv,
                $"**hoax-posts, macro F1:** {string.Join(" · ", scored.Select(s => $"{s.Name} {Number(ScoreOf(s, hoaxPosts)?.MacroF1)}"))}. " +
                $"Its positive-class F1 says little: {rate * 100:F0}% of its evaluation posts are hoaxes, so flagging every post scores F1 " +
                $"{2 * rate / (1 + rate):F3} (macro F1 {(2 * rate / (1 + rate)) / 2:F3}).");
        }

        // Winner per task.
        md.AppendLine();
        md.AppendLine("## Winner per task");
        md.AppendLine();
        md.AppendLine("| task | judged by | HoaxScreen | best peer | HoaxScreen − best peer | winner |");
        md.AppendLine("|---|---|--:|---|--:|---|");
        var wins = 0;
        var contested = 0;
        foreach (var task in tasks)
        {
            var macro = task.Task.MacroPrimary;
            var own = ScoreOf(hoaxScreen, task)?.Primary(macro);
            var best = peers.Where(p => p.Problem is null)
                .Select(p => (Peer: p, Value: ScoreOf(p, task)?.Primary(macro)))
                .Where(x => x.Value is not null)
                .OrderByDescending(x => x.Value)
                .FirstOrDefault();
            string winner;
            string delta;
            if (own is null || best.Peer is null)
            {
                winner = own is null ? "—" : "HoaxScreen (no peer result)";
                delta = "—";
            }
            else
            {
                contested++;
                var difference = own.Value - best.Value!.Value;
                delta = difference.ToString("+0.000;−0.000;±0.000", Inv);
                winner = Math.Abs(difference) < 0.0005 ? "tie" : difference > 0 ? "HoaxScreen" : best.Peer.Name;
                if (difference >= 0.0005)
                {
                    wins++;
                }
            }

            md.AppendLine(Inv,
                $"| {task.Task.Name} | {task.Task.PrimaryMetric} | {Number(own)} | {(best.Peer is null ? "—" : $"{best.Peer.Name} {Number(best.Value)}")} | {delta} | {winner} |");
        }

        md.AppendLine();
        md.AppendLine(Inv, $"HoaxScreen wins {wins} of {contested} tasks against the best peer.");

        // Targets.
        md.AppendLine();
        md.AppendLine("## Targets (HoaxScreen)");
        md.AppendLine();
        md.AppendLine("| task | target | HoaxScreen | status | best peer |");
        md.AppendLine("|---|---|--:|---|--:|");
        var met = 0;
        var targets = QualityTask.Targets.Where(t => tasks.Any(task => task.Task.Name == t.Task)).ToList();
        foreach (var target in targets)
        {
            var task = tasks.First(t => t.Task.Name == target.Task);
            var value = ScoreOf(hoaxScreen, task)?.Primary(target.MacroF1);
            var bestPeer = peers.Where(p => p.Problem is null).Select(p => ScoreOf(p, task)?.Primary(target.MacroF1)).Max();
            var status = value is null ? "—" : value >= target.Minimum - 1e-9 ? "**met**" : $"missed ({Delta(value, target.Minimum)})";
            if (value >= target.Minimum - 1e-9)
            {
                met++;
            }

            md.AppendLine(Inv, $"| {target.Task} | {target.Metric} ≥ {target.Minimum:F2} | {Number(value)} | {status} | {Number(bestPeer)} |");
        }

        md.AppendLine();
        md.AppendLine(Inv, $"{met} of {targets.Count} targets met.");

        // Thresholds and chosen settings.
        md.AppendLine();
        md.AppendLine("## Thresholds and settings chosen on validation");
        md.AppendLine();
        md.AppendLine($"| task | {string.Join(" | ", scored.Select(s => s.Name))} |");
        md.AppendLine($"|---|{string.Concat(scored.Select(_ => "---|"))}");
        foreach (var task in tasks)
        {
            var cells = scored.Select(s => s.Tasks.TryGetValue(task.Task.Name, out var r)
                ? string.Create(Inv, $"{(r.Params is null ? "" : r.Params + ", ")}t = {r.Threshold:F3}")
                : "—");
            md.AppendLine($"| {task.Task.Name} | {string.Join(" | ", cells)} |");
        }

        RenderPlatforms(md, tasks, scored);
        RenderHoldouts(md, run, tasks, hoaxScreen);

        if (run.Warnings.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Warnings");
            md.AppendLine();
            foreach (var warning in run.Warnings)
            {
                md.AppendLine($"- {warning}");
            }
        }

        return md.ToString();
    }

    private static void RenderPlatforms(StringBuilder md, List<TaskData> tasks, List<SystemResult> scored)
    {
        var netifier = tasks.Where(t => t.Task.Dataset == QualityTask.Netifier && t.Evaluation.Any(r => r.Platform is not null)).ToList();
        if (netifier.Count == 0)
        {
            return;
        }

        md.AppendLine();
        md.AppendLine("## Netifier tasks by platform");
        md.AppendLine();
        md.AppendLine("Evaluation rows of each platform (the `source` column of the Netifier file), each system at its task threshold. " +
            "Where a platform has no positives for a task, F1 and AUC are undefined (—) and the cell shows how many of its posts " +
            "the system flags (all false positives).");
        md.AppendLine();
        md.AppendLine($"| task | platform | rows | positives | {string.Join(" | ", scored.Select(s => $"F1 {s.Name}"))} | {string.Join(" | ", scored.Select(s => $"AUC {s.Name}"))} |");
        md.AppendLine($"|---|---|--:|--:|{string.Concat(scored.Select(_ => "--:|"))}{string.Concat(scored.Select(_ => "--:|"))}");
        foreach (var task in netifier)
        {
            foreach (var platform in Platforms(task))
            {
                var rows = Indices(task, platform);
                var scores = scored.Select(s => ScoreOf(s, task, rows)).ToList();
                var bestF1 = scores.Max(s => s?.F1);
                var bestAuc = scores.Max(s => s?.RocAuc);
                md.AppendLine(Inv,
                    $"| {task.Task.Name} | {platform} | {rows.Count:N0} | {rows.Count(i => task.Evaluation[i].Truth):N0} | " +
                    $"{string.Join(" | ", scores.Select(s => F1Cell(s, bestF1, scores.Count(x => x?.F1 is not null))))} | {string.Join(" | ", scores.Select(s => Bold(s?.RocAuc, bestAuc, scores.Count(x => x?.RocAuc is not null))))} |");
            }
        }
    }

    private static void RenderHoldouts(StringBuilder md, QualityRun run, List<TaskData> tasks, SystemResult hoaxScreen)
    {
        md.AppendLine();
        md.AppendLine("## Leave one platform out (HoaxScreen)");
        md.AppendLine();
        if (run.Holdouts is null || run.Holdouts.Count == 0)
        {
            md.AppendLine(run.HoldoutNote ?? "not run: the recipe has no Netifier source with a `source` column");
            return;
        }

        md.AppendLine("HoaxScreen retrained on the whole recipe minus one Netifier platform (every split part of it), then judged on " +
            "that platform's evaluation rows, against the bundle trained with all platforms on the same rows. " +
            "Δ = held out − in domain; each model uses its own thresholds.");
        md.AppendLine();
        md.AppendLine(Inv, $"trainings: {string.Join(" · ", run.Holdouts.Select(h => h.Problem is null
            ? string.Create(Inv, $"without {h.Platform} {h.TrainingSeconds:F1} s ({h.NetifierRowsKept:N0} Netifier rows kept)")
            : $"without {h.Platform}: could not train ({h.Problem})"))}");
        md.AppendLine();
        md.AppendLine("| held-out platform | task | rows | positives | F1 in domain | F1 held out | ΔF1 | AUC in domain | AUC held out | ΔAUC |");
        md.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var holdout in run.Holdouts.Where(h => h.Problem is null))
        {
            foreach (var task in tasks.Where(t => t.Task.Dataset == QualityTask.Netifier))
            {
                if (!holdout.Tasks.TryGetValue(task.Task.Name, out var result))
                {
                    continue;
                }

                var rows = Indices(task, holdout.Platform);
                var inDomain = ScoreOf(hoaxScreen, task, rows);
                var heldOut = QualityMetrics.Compute([.. rows.Select(i => (result.Evaluation[i], task.Evaluation[i].Truth))], result.Threshold);
                md.AppendLine(Inv,
                    $"| {holdout.Platform} | {task.Task.Name} | {rows.Count:N0} | {heldOut.Positives:N0} | {F1Cell(inDomain, null, 1)} | {F1Cell(heldOut, null, 1)} | " +
                    $"{Delta(heldOut.F1, inDomain?.F1)} | {Number(inDomain?.RocAuc)} | {Number(heldOut.RocAuc)} | {Delta(heldOut.RocAuc, inDomain?.RocAuc)} |");
            }
        }
    }

    private static IEnumerable<string> Platforms(TaskData task) =>
        task.Evaluation.Select(r => r.Platform).OfType<string>().Distinct().Order(StringComparer.Ordinal);

    private static List<int> Indices(TaskData task, string platform) =>
        [.. Enumerable.Range(0, task.Evaluation.Count).Where(i => task.Evaluation[i].Platform == platform)];

    private static TaskScore? ScoreOf(SystemResult system, TaskData task) =>
        system.Problem is null && system.Tasks.TryGetValue(task.Task.Name, out var result)
            ? QualityMetrics.Compute([.. task.Evaluation.Select((r, i) => (result.Evaluation[i], r.Truth))], result.Threshold)
            : null;

    private static TaskScore? ScoreOf(SystemResult system, TaskData task, IReadOnlyList<int> rows) =>
        system.Problem is null && system.Tasks.TryGetValue(task.Task.Name, out var result)
            ? QualityMetrics.Compute([.. rows.Select(i => (result.Evaluation[i], task.Evaluation[i].Truth))], result.Threshold)
            : null;

    /// <summary>F1, or without positives how many rows the system flags (each one a false positive).</summary>
    private static string F1Cell(TaskScore? score, double? best, int contenders) =>
        score is { Positives: 0 } ? string.Create(Inv, $"— ({score.Flagged:N0} flagged)") : Bold(score?.F1, best, contenders);

    private static string Number(double? value) => value is { } v ? v.ToString("F3", Inv) : "—";

    /// <summary>The best value of a row group in bold (nothing is bold when only one system has a value).</summary>
    private static string Bold(double? value, double? best, int contenders) =>
        contenders > 1 && value is { } v && best is { } b && Math.Abs(v - b) < 1e-9 ? $"**{Number(v)}**" : Number(value);

    private static string Delta(double? value, double? reference) =>
        value is { } v && reference is { } r ? (v - r).ToString("+0.000;−0.000;±0.000", Inv) : "—";

    private static string Seconds(double? seconds) => seconds is { } s ? s.ToString("F1", Inv) + " s" : "—";
}
