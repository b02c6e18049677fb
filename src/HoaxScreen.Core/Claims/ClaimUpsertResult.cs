namespace HoaxScreen.Core.Claims;

/// <summary>What one <see cref="ClaimStore.Upsert"/> did.</summary>
/// <param name="Added">Records whose id was new.</param>
/// <param name="Updated">Records that replaced a stored one with different content.</param>
/// <param name="Unchanged">Records identical to the stored one: not written, their imported-at kept.</param>
/// <param name="Total">Claims in the store afterwards.</param>
/// <param name="Revision">The store's revision afterwards (unchanged when nothing was written).</param>
public sealed record ClaimUpsertResult(int Added, int Updated, int Unchanged, long Total, long Revision);
