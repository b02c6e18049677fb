using HoaxScreen.Core.Claims.Matching;

namespace HoaxScreen.Training.Claims;

/// <summary>A post's decision: its best candidate's match probability and whether that candidate is the post's claim.</summary>
public readonly record struct PostDecision(float Probability, bool Correct, bool RepeatsAClaim);

/// <summary>
/// Per-post decisions from candidate rows, and the thresholds that give a decision tier its precision: a post is
/// decided by its most probable candidate; a decision is right only when that candidate is the claim the post repeats
/// (any decision on a post that repeats none is a false match).
/// </summary>
public static class ClaimDecisions
{
    public static List<PostDecision> Of(IReadOnlyList<DeciderRow> rows, IReadOnlyList<float> probabilities, IReadOnlyList<DeciderPost> posts)
    {
        var best = new (float Probability, bool Correct)?[posts.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var post = rows[i].Post;
            if (best[post] is not { } current || probabilities[i] > current.Probability)
            {
                best[post] = (probabilities[i], rows[i].Label);
            }
        }

        return [.. posts.Select((p, i) => best[i] is { } b
            ? new PostDecision(b.Probability, b.Correct, p.ClaimId is not null)
            : new PostDecision(0f, false, p.ClaimId is not null))];
    }

    /// <summary>
    /// The lowest threshold whose decisions (probability ≥ it) reach <paramref name="precision"/>, so recall is as high
    /// as that precision allows; 1 when none does (nothing is decided).
    /// </summary>
    public static double Threshold(IReadOnlyList<PostDecision> decisions, double precision)
    {
        var ordered = decisions.Where(d => d.Probability > 0).OrderByDescending(d => d.Probability).ToList();
        var chosen = 1.0;
        var right = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            right += ordered[i].Correct ? 1 : 0;
            var isLastOfTie = i + 1 == ordered.Count || ordered[i + 1].Probability < ordered[i].Probability;
            if (isLastOfTie && right / (double)(i + 1) >= precision)
            {
                chosen = ordered[i].Probability;
            }
        }

        return chosen;
    }

    /// <summary>Precision and recall of the decisions at <paramref name="threshold"/> (recall over posts that repeat a claim).</summary>
    public static (double Precision, double Recall, int Decided) At(IReadOnlyList<PostDecision> decisions, double threshold)
    {
        var decided = decisions.Where(d => d.Probability >= threshold && d.Probability > 0).ToList();
        var right = decided.Count(d => d.Correct);
        var repeats = decisions.Count(d => d.RepeatsAClaim);
        return (decided.Count == 0 ? 1 : right / (double)decided.Count, repeats == 0 ? 0 : right / (double)repeats, decided.Count);
    }

    /// <summary>
    /// The lowest threshold that at most <paramref name="share"/> of <paramref name="probabilities"/> reach (ties kept
    /// together, so the bound holds); just above the largest when none may.
    /// </summary>
    public static double ThresholdAbove(IReadOnlyList<double> probabilities, double share)
    {
        var ordered = probabilities.Where(p => p > 0).OrderByDescending(p => p).ToList();
        var allowed = (int)Math.Floor(share * probabilities.Count);
        if (ordered.Count <= allowed)
        {
            return 0;
        }

        // The (allowed+1)-th highest must fall below the threshold.
        return Math.BitIncrement(ordered[allowed]);
    }
}
