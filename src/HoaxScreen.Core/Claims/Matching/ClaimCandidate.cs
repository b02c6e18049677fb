namespace HoaxScreen.Core.Claims.Matching;

/// <summary>A claim retrieved for a post: its position in the index, its id and its BM25 score.</summary>
public readonly record struct ClaimCandidate(int Index, string Id, float Score);
