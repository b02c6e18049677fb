namespace HoaxScreen.Core.Claims;

/// <summary>Every claim in the store at one revision, read in one transaction (see <see cref="ClaimStore.Snapshot"/>).</summary>
public sealed record ClaimSnapshot(long Revision, IReadOnlyList<FactCheck> Claims);
