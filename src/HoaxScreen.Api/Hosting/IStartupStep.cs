namespace HoaxScreen.Api.Hosting;

/// <summary>
/// Work that must succeed before the service takes requests. <see cref="StartupExtensions.RunService"/> runs every
/// registered step, in order, before it starts the server, and reports a failure as one critical log line and an exit code.
/// </summary>
public interface IStartupStep
{
    void Run();
}
