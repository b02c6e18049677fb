namespace HoaxScreen.Bench;

/// <summary>A scratch folder under the system temp folder for one bench run, removed on dispose (a failure to remove is reported, not thrown).</summary>
public sealed class WorkFolder : IDisposable
{
    private readonly TextWriter _log;

    public WorkFolder(string prefix, TextWriter log)
    {
        _log = log;
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException ex)
        {
            _log.WriteLine($"[bench] could not remove {Path}: {ex.Message}");
        }
    }
}
