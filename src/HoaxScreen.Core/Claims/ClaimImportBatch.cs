namespace HoaxScreen.Core.Claims;

/// <summary>A whole fact-check file, read and checked, ready for one <see cref="ClaimStore.Upsert"/>.</summary>
/// <param name="Format">The format it was read as.</param>
/// <param name="Claims">One record per id, in the order of each id's first appearance, holding its last one's content.</param>
/// <param name="Records">Records in the file.</param>
/// <param name="DuplicateIds">Records that repeated an earlier record's id (the last of each id wins).</param>
public sealed record ClaimImportBatch(ClaimFormat Format, IReadOnlyList<FactCheck> Claims, int Records, int DuplicateIds);
