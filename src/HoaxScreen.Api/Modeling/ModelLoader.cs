namespace HoaxScreen.Api.Modeling;

/// <summary>Loads the model while the host starts, so a missing or corrupt bundle stops start-up instead of the first request.</summary>
public sealed class ModelLoader(ModelHolder holder) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        holder.Load();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
