using HoaxScreen.Api.Logging;
using HoaxScreen.Core.Modeling;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Hosting;

public static class StartupExtensions
{
    /// <summary>Exit code when the configuration or the model bundle is unusable.</summary>
    public const int StartupFailedExitCode = 1;

    /// <summary>The steps <see cref="RunService"/> runs before serving: validate every option, then load the model.</summary>
    public static IServiceCollection AddStartupSteps(this IServiceCollection services)
    {
        services.AddSingleton<IStartupStep, ValidateOptionsStep>();
        services.AddSingleton<IStartupStep, LoadFirstModelStep>();
        return services;
    }

    /// <summary>
    /// Runs every <see cref="IStartupStep"/>, then the server. Bad settings (including values that do not convert) or a
    /// missing, corrupt or incompatible bundle are logged as one critical line and the process exits with
    /// <see cref="StartupFailedExitCode"/> instead of a stack trace. Without steps, the host's own start does the same work
    /// (ValidateOnStart, the model loader) and a failure leaves Run as an exception.
    /// </summary>
    public static int RunService(this WebApplication app)
    {
        try
        {
            foreach (var step in app.Services.GetServices<IStartupStep>())
            {
                step.Run();
            }
        }
        catch (Exception ex)
        {
            app.Logger.StartupFailed(OneLine(ex));

            // Disposing the host flushes the console logger, which writes on a background thread.
            ((IDisposable)app).Dispose();
            return StartupFailedExitCode;
        }

        app.Run();
        return 0;
    }

    private static string OneLine(Exception ex)
    {
        IEnumerable<string> messages = ex switch
        {
            AggregateException aggregate => aggregate.Flatten().InnerExceptions.Select(inner => inner.Message),
            OptionsValidationException or ModelBundleException => [ex.Message],
            { InnerException: { } inner } => [ex.Message, inner.Message],
            _ => [ex.Message],
        };
        return string.Join(" ", messages).ReplaceLineEndings(" ");
    }
}
