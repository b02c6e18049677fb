namespace HoaxScreen.Api.Adaptation;

/// <summary>What runs a started job (<see cref="AdaptationRunner"/>); a seam so tests can hold a job running.</summary>
public interface IAdaptJobRunner
{
    /// <summary>Runs the job to its end, recording every outcome in it; <paramref name="stopping"/> fires on shutdown.</summary>
    Task RunAsync(AdaptJob job, CancellationToken stopping);
}
