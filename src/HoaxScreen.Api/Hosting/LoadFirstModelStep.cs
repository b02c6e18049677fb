using System.Runtime.CompilerServices;
using HoaxScreen.Api.Modeling;

namespace HoaxScreen.Api.Hosting;

/// <summary>Loads the configured model bundle, so a missing, corrupt or incompatible bundle stops the process before it serves.</summary>
public sealed class LoadFirstModelStep(ModelReloader reloader) : IStartupStep
{
    // Never inlined: a reference to the first model left in RunService's frame (which lives as long as the service) kept
    // that model alive after every reload, +46 MB of heap for good (found with dotnet-dump gcroot).
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Run() => reloader.Load();
}
