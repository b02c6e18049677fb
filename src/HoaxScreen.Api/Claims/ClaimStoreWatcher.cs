using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Options;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Claims;

/// <summary>
/// Builds the matcher before the service takes requests, then checks the store's revision every
/// <c>Claims:RefreshSeconds</c>, so an import (<c>claims import</c>, another replica's admin import) applies without a
/// restart. A failed rebuild keeps the previous matcher and is retried at the next check.
/// </summary>
public sealed class ClaimStoreWatcher(ClaimMatcherHolder holder, IOptions<ClaimsOptions> options, ILogger<ClaimStoreWatcher> logger) : BackgroundService
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
                logger.ClaimMatcherRefreshFailed(ex.Message.Split('\n')[0]);
            }
        }
    }
}
