namespace HoaxScreen.Api.Adaptation;

/// <summary>Where an adaptation job is.</summary>
public enum AdaptJobStatus
{
    Queued,
    Running,

    /// <summary>The adapted bundle was written and swapped in through the validated reload.</summary>
    Succeeded,

    /// <summary>Something went wrong; the serving model is unchanged.</summary>
    Failed,

    /// <summary>No label had enough feedback: nothing was written or swapped.</summary>
    KeptBase,
}

public static class AdaptJobStatuses
{
    public static string Name(AdaptJobStatus status) => status switch
    {
        AdaptJobStatus.KeptBase => "kept-base",
        _ => status.ToString().ToLowerInvariant(),
    };
}
