using HoaxScreen.Api.Hosting;
using HoaxScreen.Api.Logging;

namespace HoaxScreen.Api.Feedback;

/// <summary>
/// Deletes decisions older than <c>Feedback:RetentionDays</c> before the service takes requests, then every hour. Each
/// replica sharing a store runs it; the deletes are idempotent.
/// </summary>
public sealed class FeedbackRetention(FeedbackStoreHolder feedback, ILogger<FeedbackRetention> logger) : StorePollingService
{
    protected override bool Enabled => feedback.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override void Refresh()
    {
        if (feedback.Store is not { } store)
        {
            return;
        }

        var deleted = store.DeleteOlderThan(feedback.RetentionDays);
        if (deleted > 0)
        {
            logger.FeedbackExpired(deleted, feedback.RetentionDays);
        }
    }

    protected override void RefreshFailed(string reason) => logger.FeedbackRetentionFailed(reason);
}
