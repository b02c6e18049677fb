namespace HoaxScreen.Core.Adaptation;

/// <summary>
/// The residual model of one label, fitted on feedback rows: f(x) = α·ℓ(x) + β + v·x, where ℓ is the base's logit and
/// v a sparse correction over the base's own features. α = 1, β = 0, v = 0 is the base itself; the penalty pulls
/// towards it (λ/2·|v|² strongly, (α−1)² and β² weakly), so a few hundred posts nudge the base instead of replacing it.
/// </summary>
/// <param name="Correction">v by feature slot (only slots the feedback holds are non-zero).</param>
public sealed record ResidualFit(double Alpha, double Beta, IReadOnlyDictionary<int, double> Correction)
{
    /// <summary>The base unchanged.</summary>
    public static readonly ResidualFit Identity = new(1, 0, new Dictionary<int, double>());

    public double Logit(SparseRow row, int label)
    {
        var f = Alpha * row.BaseLogits[label] + Beta;
        for (var i = 0; i < row.Slots.Length; i++)
        {
            if (Correction.TryGetValue(row.Slots[i], out var weight))
            {
                f += weight * row.Values[i];
            }
        }

        return f;
    }

    public double Probability(SparseRow row, int label) => Sigmoid(Logit(row, label));

    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
