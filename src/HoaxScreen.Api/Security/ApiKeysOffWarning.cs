using HoaxScreen.Api.Logging;

namespace HoaxScreen.Api.Security;

/// <summary>
/// Logs a warning when the service starts without API keys, so an operator sees in the log that <c>/v1</c> is open
/// (and <c>/admin</c> only to this machine). Runs once the settings have been validated.
/// </summary>
public sealed class ApiKeysOffWarning(ApiKeyStore keys, ILogger<ApiKeysOffWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!keys.Enabled)
        {
            logger.ApiKeysOff();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
