using System.Data.Common;
using HoaxScreen.Api.Feedback;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Core.Adaptation;
using HoaxScreen.Core.Feedback;
using HoaxScreen.Core.Modeling;
using Microsoft.ML;

namespace HoaxScreen.Api.Adaptation;

/// <summary>
/// Runs one job: reads every decision from the feedback store, adapts the job's base (the model serving when it
/// started) as <c>adapt</c> does, writes the sealed bundle under <c>Model:ReloadRoot</c> and swaps it in through
/// <see cref="ModelReloader"/> (bundle files, canaries, label check). A label without enough feedback keeps the base;
/// when every label does, nothing is written or swapped.
/// </summary>
public sealed class AdaptationRunner(
    FeedbackStoreHolder feedback, ModelReloader reloader, ModelHolder holder, ModelReloadPaths paths, TimeProvider time, ILogger<AdaptationRunner> logger) : IAdaptJobRunner
{
    public const string ReloadTrigger = "adapt job";

    public async Task RunAsync(AdaptJob job, CancellationToken stopping)
    {
        job.Running();
        logger.AdaptJobStarted(job.Id, AdaptationMethods.Name(job.Method), job.Base.Version, job.OutFolder);
        try
        {
            // CPU-bound work of seconds: off the request threads, and cancelled between steps on shutdown.
            var written = await Task.Run(() => Fit(job, stopping), stopping);
            if (written is null)
            {
                return;
            }

            stopping.ThrowIfCancellationRequested();
            if (holder.Current.Version != job.Base.Version)
            {
                Fail(job, $"The serving model changed to {holder.Current.Version} while the job ran; the bundle adapted from {job.Base.Version} " +
                    $"stays in {job.OutFolder} but was not swapped in.");
                return;
            }

            var outcome = await reloader.ReloadAsync(job.TargetDirectory, ReloadTrigger, waitIfBusy: true, stopping);
            if (outcome.Status != ModelReloadStatus.Swapped)
            {
                Fail(job, $"The adapted bundle was rejected by the reload check: {paths.WithoutServerPaths(outcome.Reason!, outcome.Directory)}. " +
                    $"Model {outcome.Serving.Version} keeps serving; the bundle stays in {job.OutFolder}.");
                return;
            }

            job.Progress($"swapped in model {written} through the validated reload (was {job.Base.Version})");
            job.End(AdaptJobStatus.Succeeded, time.GetUtcNow());
            logger.AdaptJobSucceeded(job.Id, job.Base.Version, written);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Fail(job, "The service shut down before the job finished; nothing was swapped in.");
        }
        catch (Exception ex) when (ex is DbException or FeedbackStoreException)
        {
            Fail(job, "The feedback store could not be read; nothing was changed. Check the service's log and the disk holding Feedback:Path.",
                ex.Message.Split('\n')[0]);
        }
        catch (Exception ex) when (ex is ModelBundleException or IOException or UnauthorizedAccessException)
        {
            Fail(job, $"The adapted bundle could not be written to {job.OutFolder} ({paths.WithoutServerPaths(ex.Message.Split('\n')[0], job.TargetDirectory)}); " +
                "the serving model is unchanged.", ex.Message.Split('\n')[0]);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fail(job, "The adaptation failed unexpectedly; the serving model is unchanged. The service's log has the details.", $"{ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
        }
    }

    /// <summary>Reads, fits and writes; returns the new bundle's version, or null when every label kept the base.</summary>
    private string? Fit(AdaptJob job, CancellationToken stopping)
    {
        var baseModel = job.Base.Model;
        var decisions = StoredFeedback.Read(feedback.Store!, baseModel.Labels);
        job.Progress($"read {decisions.Texts.Count:N0} stored decisions that judge a label of model {baseModel.Version}");
        var ml = new MLContext(seed: 1);
        var heads = BaseHeads.Load(ml, baseModel.Directory, baseModel.Labels.Count);
        var adapted = new CommunityAdapter(line =>
        {
            stopping.ThrowIfCancellationRequested();
            job.Progress(line);
        }).Adapt(baseModel, heads, decisions, job.Method);
        job.Fitted(adapted.Labels);
        if (adapted.Labels.All(l => l.KeptBase))
        {
            var reason = $"No label has enough feedback to adapt (at least {LabelAdapter.MinimumPositives} positive and {LabelAdapter.MinimumPositives} " +
                $"negative decisions each); model {baseModel.Version} keeps serving and nothing was written.";
            job.End(AdaptJobStatus.KeptBase, time.GetUtcNow(), reason);
            logger.AdaptJobKeptBase(job.Id, baseModel.Version, decisions.Texts.Count);
            return null;
        }

        stopping.ThrowIfCancellationRequested();
        var manifest = AdaptedBundleWriter.Write(ml, adapted, decisions, job.Method, job.TargetDirectory);
        job.Written(manifest.Version);
        job.Progress($"wrote bundle {manifest.Version} to {job.OutFolder} ({adapted.Seconds:F1} s of fitting)");
        return manifest.Version;
    }

    private void Fail(AdaptJob job, string error, string? logged = null)
    {
        job.End(AdaptJobStatus.Failed, time.GetUtcNow(), error);
        logger.AdaptJobFailed(job.Id, job.Base.Version, logged ?? error);
    }
}
