using HoaxScreen.Api.Options;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.TermLists;

/// <summary>
/// Builds the term-list matcher before requests come, then checks the store every <c>TermLists:RefreshSeconds</c>, so a
/// list changed through another replica (or a model reload) applies without a restart. A failed check keeps the
/// previous matcher and is retried at the next one.
/// </summary>
public sealed class TermListStoreWatcher(TermListMatcherHolder holder, IOptions<TermListsOptions> options, ILogger<TermListStoreWatcher> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        holder.Refresh();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!holder.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                holder.Refresh();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Logging.Log.TermListRefreshFailed(logger, ex.Message.Split('\n')[0]);
            }
        }
    }
}
