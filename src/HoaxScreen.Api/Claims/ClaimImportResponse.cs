using HoaxScreen.Core.Claims;

namespace HoaxScreen.Api.Claims;

/// <summary>What an import did to the store.</summary>
public sealed record ClaimImportResponse
{
    /// <summary>The format the file was read as: csv, jsonl, claimreview, google or mafindo.</summary>
    public required string Format { get; init; }

    /// <summary>Records in the file.</summary>
    public required int Read { get; init; }

    /// <summary>Records that repeated an earlier record's id in the file (the last of each id was kept).</summary>
    public required int DuplicateIds { get; init; }

    /// <summary>Records whose id was new to the store.</summary>
    public required int Added { get; init; }

    /// <summary>Records that replaced a stored one with different content.</summary>
    public required int Updated { get; init; }

    /// <summary>Records identical to the stored one (not rewritten).</summary>
    public required int Unchanged { get; init; }

    /// <summary>Claims in the store afterwards.</summary>
    public required long Total { get; init; }

    /// <summary>The store's revision afterwards (it moves only when something was written).</summary>
    public required long Revision { get; init; }

    public static ClaimImportResponse From(ClaimImportBatch batch, ClaimUpsertResult result) => new()
    {
        Format = ClaimFormats.Name(batch.Format),
        Read = batch.Records,
        DuplicateIds = batch.DuplicateIds,
        Added = result.Added,
        Updated = result.Updated,
        Unchanged = result.Unchanged,
        Total = result.Total,
        Revision = result.Revision,
    };
}
