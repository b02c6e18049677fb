namespace HoaxScreen.Core.Claims.Matching;

/// <summary>A debunked claim a post may repeat: the claim, the decider's calibrated probability and the decision.</summary>
public sealed record ClaimMatch(FactCheck Claim, float Score, ClaimDecision Decision)
{
    /// <summary>
    /// Whether the match flags the post (in /v1/screen and in bulk scoring alike): a confident match with a debunk that
    /// calls the claim false or misleading.
    /// </summary>
    public bool FlagsThePost => Decision == ClaimDecision.Match && Claim.Rating is ClaimRating.False or ClaimRating.Misleading;
}
