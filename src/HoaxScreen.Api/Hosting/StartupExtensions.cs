using System.Reflection;
using System.Runtime.CompilerServices;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Core.Modeling;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Hosting;

public static class StartupExtensions
{
    /// <summary>Exit code when the configuration or the model bundle is unusable.</summary>
    public const int StartupFailedExitCode = 1;

    /// <summary>
    /// Validates every option and loads the model before the server starts, then runs it. Bad settings (including values
    /// that do not convert) or a missing, corrupt or incompatible bundle are logged as one critical line and the process
    /// exits with <see cref="StartupFailedExitCode"/> instead of a stack trace.
    /// </summary>
    public static int RunService(this WebApplication app)
    {
        // Hosted by a test factory (the entry point is the test runner), the factory starts the host and expects start-up
        // failures as exceptions: run as usual.
        if (Assembly.GetEntryAssembly() != typeof(StartupExtensions).Assembly)
        {
            app.Run();
            return 0;
        }

        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            LoadFirstModel(app.Services);
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

    // A method of its own, never inlined: a reference to the first model left in RunService's frame (which lives as long
    // as the service) kept that model alive after every reload, +46 MB of heap for good (found with dotnet-dump gcroot).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LoadFirstModel(IServiceProvider services)
    {
        services.GetRequiredService<ModelReloader>().Load();
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
