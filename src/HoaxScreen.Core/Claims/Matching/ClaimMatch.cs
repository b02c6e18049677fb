namespace HoaxScreen.Core.Claims.Matching;

/// <summary>A debunked claim a post may repeat: the claim, the decider's calibrated probability and the decision.</summary>
public sealed record ClaimMatch(FactCheck Claim, float Score, ClaimDecision Decision);
