using HoaxScreen.Core.Claims.Matching;

namespace HoaxScreen.Bench.Claims;

/// <summary>Precision and recall of one decision tier, with its false decisions by kind.</summary>
public sealed record TierMetrics(int Decided, int Correct, int WrongClaim, int Unseen, int Clean, int KnownQueries, int CleanQueries)
{
    public int False => WrongClaim + Unseen + Clean;

    public double Precision => Decided == 0 ? double.NaN : Correct / (double)Decided;

    public double Recall => KnownQueries == 0 ? double.NaN : Correct / (double)KnownQueries;

    public double CleanRate => CleanQueries == 0 ? double.NaN : Clean / (double)CleanQueries;

    public double F1 => Decided + KnownQueries == 0 ? double.NaN : 2.0 * Correct / (Decided + KnownQueries);
}

/// <summary>How a threshold is chosen on the other folds' queries.</summary>
public enum ThresholdRule
{
    /// <summary>The most recall at precision ≥ 0.95 (the rule of the main table, and of the matcher's own match tier).</summary>
    Precision95,

    /// <summary>The best F1 of match decisions (a second view, for the peers at their best operating point).</summary>
    MaxF1,
}

/// <summary>One system's figures over every query (all reported out of fold where anything was chosen or trained).</summary>
public sealed record ClaimsSystemMetrics(
    ClaimsSystemRun Run,
    double SuccessAtOne,
    double MrrAtFive,
    double RecallAtFive,
    double InCandidates,
    IReadOnlyDictionary<string, double> SuccessAtOneByCategory,
    TierMetrics Match,
    TierMetrics? Suggest,
    IReadOnlyList<double>? FoldThresholds);

/// <summary>
/// The benchmark's figures, computed with the same code for every system. A decision is taken on a query's best
/// claim only; it is right only when the query is known and that claim is its own.
/// </summary>
public static class ClaimsMetrics
{
    /// <summary>The precision the threshold rule holds decisions to (the matcher's own <c>match</c> tier uses the same).</summary>
    public const double RulePrecision = 0.95;

    public static ClaimsSystemMetrics Evaluate(ClaimsSystemRun run, IReadOnlyList<ClaimQuery> queries, ThresholdRule rule = ThresholdRule.Precision95)
    {
        var known = queries.Where(q => q.Kind == QueryKind.Known).ToList();
        double Share(Func<ClaimQuery, bool> hit) => known.Count == 0 ? double.NaN : known.Count(hit) / (double)known.Count;
        int RankOf(ClaimQuery q) => run.Answers[q.Id].Top.ToList().IndexOf(q.ClaimId!) + 1;

        IReadOnlyList<double>? thresholds = null;
        Func<ClaimQuery, bool> matched;
        Func<ClaimQuery, bool>? suggested = null;
        if (run.Mode == ThresholdMode.Own)
        {
            matched = q => run.Answers[q.Id].Decision == ClaimDecision.Match;
            suggested = q => run.Answers[q.Id].Decision is ClaimDecision.Match or ClaimDecision.Suggest;
        }
        else
        {
            // Each fold's threshold is chosen on the other folds' queries only.
            thresholds = [.. Enumerable.Range(0, ClaimsSplit.Folds).Select(f =>
            {
                var others = queries.Where(q => q.Fold != f).ToList();
                var decisions = others.Select(q => (Decidable(run.Answers[q.Id]), Correct(run.Answers[q.Id], q)));
                return rule == ThresholdRule.Precision95 ? RuleThreshold(decisions) : MaxF1Threshold(decisions, others.Count(q => q.Kind == QueryKind.Known));
            })];
            matched = q => Decidable(run.Answers[q.Id]) >= thresholds[q.Fold];
        }

        return new ClaimsSystemMetrics(
            run,
            Share(q => RankOf(q) == 1),
            known.Count == 0 ? double.NaN : known.Sum(q => RankOf(q) is var r and >= 1 and <= 5 ? 1.0 / r : 0) / known.Count,
            Share(q => RankOf(q) is >= 1 and <= 5),
            Share(q => RankOf(q) >= 1),
            known.GroupBy(q => q.Category).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(q => RankOf(q) == 1) / (double)g.Count(), StringComparer.Ordinal),
            Tier(run, queries, matched),
            suggested is null ? null : Tier(run, queries, suggested),
            thresholds);
    }

    /// <summary>
    /// The threshold rule applied to every system: the lowest threshold at which the decisions (score ≥ it) keep a
    /// precision of at least <see cref="RulePrecision"/>, i.e. the most recall that precision allows; +∞ (no match
    /// at all) when no threshold reaches it.
    /// </summary>
    public static double RuleThreshold(IEnumerable<(double Score, bool Correct)> decisions)
    {
        var ordered = decisions.Where(d => !double.IsNegativeInfinity(d.Score)).OrderByDescending(d => d.Score).ToList();
        var chosen = double.PositiveInfinity;
        var right = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            right += ordered[i].Correct ? 1 : 0;
            var lastOfTie = i + 1 == ordered.Count || ordered[i + 1].Score < ordered[i].Score;
            if (lastOfTie && right / (double)(i + 1) >= RulePrecision)
            {
                chosen = ordered[i].Score;
            }
        }

        return chosen;
    }

    /// <summary>The threshold with the best F1 of match decisions (recall over <paramref name="known"/> posts); +∞ when nothing is ever right.</summary>
    public static double MaxF1Threshold(IEnumerable<(double Score, bool Correct)> decisions, int known)
    {
        var ordered = decisions.Where(d => !double.IsNegativeInfinity(d.Score)).OrderByDescending(d => d.Score).ToList();
        var (chosen, best, right) = (double.PositiveInfinity, 0.0, 0);
        for (var i = 0; i < ordered.Count; i++)
        {
            right += ordered[i].Correct ? 1 : 0;
            var f1 = 2.0 * right / (i + 1 + known);
            if ((i + 1 == ordered.Count || ordered[i + 1].Score < ordered[i].Score) && f1 > best)
            {
                (chosen, best) = (ordered[i].Score, f1);
            }
        }

        return chosen;
    }

    /// <summary>The score a match decision is taken on; −∞ when the system may not match this query at all.</summary>
    private static double Decidable(QueryAnswer a) => a.CanMatch && a.Top.Count > 0 ? a.Score : double.NegativeInfinity;

    private static bool Correct(QueryAnswer a, ClaimQuery q) => q.Kind == QueryKind.Known && a.Top.Count > 0 && a.Top[0] == q.ClaimId;

    private static TierMetrics Tier(ClaimsSystemRun run, IReadOnlyList<ClaimQuery> queries, Func<ClaimQuery, bool> decided)
    {
        int correct = 0, wrong = 0, unseen = 0, clean = 0, total = 0;
        foreach (var q in queries.Where(q => run.Answers[q.Id].Top.Count > 0 && decided(q)))
        {
            total++;
            switch (q.Kind)
            {
                case QueryKind.Known when Correct(run.Answers[q.Id], q):
                    correct++;
                    break;
                case QueryKind.Known:
                    wrong++;
                    break;
                case QueryKind.Unseen:
                    unseen++;
                    break;
                default:
                    clean++;
                    break;
            }
        }

        return new TierMetrics(total, correct, wrong, unseen, clean, queries.Count(q => q.Kind == QueryKind.Known), queries.Count(q => q.Kind == QueryKind.Clean));
    }
}
