namespace HoaxScreen.Core.Claims.Matching;

/// <summary>What a matcher says of a candidate claim: a confident match, a suggestion to confirm, or nothing.</summary>
public enum ClaimDecision
{
    None,
    Suggest,
    Match,
}
