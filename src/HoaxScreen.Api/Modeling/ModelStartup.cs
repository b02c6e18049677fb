namespace HoaxScreen.Api.Modeling;

/// <summary>
/// Loads the model while the host starts, so a missing or corrupt bundle stops start-up instead of the first request.
/// (When run for real, <c>RunService</c> has usually loaded it already, to report a bad bundle as one line.)
/// </summary>
public sealed class ModelStartup(ModelHolder holder, ModelReloader reloader) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!holder.IsLoaded)
        {
            reloader.Load();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
