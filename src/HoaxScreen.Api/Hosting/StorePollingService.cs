namespace HoaxScreen.Api.Hosting;

/// <summary>
/// Keeps something built from a shared store (the claim matcher, the term lists) current: built once before the
/// service takes requests, then checked every <see cref="Interval"/>, so a change made by another replica or a CLI
/// applies without a restart. A failed check keeps what was built and is retried at the next one.
/// </summary>
public abstract class StorePollingService : BackgroundService
{
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>Rebuilds when the store changed; cheap when it did not.</summary>
    protected abstract void Refresh();

    protected abstract void RefreshFailed(string reason);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Refresh();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                Refresh();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                RefreshFailed(ex.Message.Split('\n')[0]);
            }
        }
    }
}
