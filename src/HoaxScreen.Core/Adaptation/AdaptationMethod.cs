namespace HoaxScreen.Core.Adaptation;

/// <summary>How <c>adapt</c> fits a label to the community's feedback (see README, "Adapting to a community").</summary>
public enum AdaptationMethod
{
    /// <summary>The base head unchanged; only the threshold is re-chosen on the feedback.</summary>
    Thresholds,

    /// <summary>Platt re-calibration of the base's logit (α·ℓ + β), threshold by cross-validation.</summary>
    Platt,

    /// <summary>α·ℓ + β plus a sparse correction over the base's features with strong L2 (λ by cross-validation).</summary>
    Residual,

    /// <summary>The base head retrained on the feedback with an L2 prior centred on its own weights (α fixed at 1).</summary>
    Warm,

    /// <summary>
    /// Only a sparse correction v over the features the feedback holds (α = 1, β = 0, the base's threshold kept): posts
    /// sharing nothing with the feedback keep their base scores and verdicts.
    /// </summary>
    Local,
}

public static class AdaptationMethods
{
    public static string Name(AdaptationMethod method) => method.ToString().ToLowerInvariant();

    public static bool TryParse(string name, out AdaptationMethod method) =>
        Enum.TryParse(name, ignoreCase: true, out method) && Enum.IsDefined(method) && !int.TryParse(name, out _);
}
