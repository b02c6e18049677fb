namespace HoaxScreen.Core.Modeling;

/// <summary>Puts a fully written bundle in place of the folder it replaces.</summary>
public static class BundleFolder
{
    /// <summary>
    /// Moves <paramref name="staging"/> to <paramref name="target"/>, replacing any bundle there; if the move fails, the
    /// previous bundle is put back, so a bundle is replaced only when the new one is fully in place.
    /// </summary>
    public static void Replace(string staging, string target)
    {
        var backup = target + $".old-{Environment.ProcessId}";
        if (Directory.Exists(target))
        {
            Directory.Move(target, backup);
        }

        try
        {
            Directory.Move(staging, target);
        }
        catch when (Directory.Exists(backup) && !Directory.Exists(target))
        {
            Directory.Move(backup, target);
            throw;
        }

        if (Directory.Exists(backup))
        {
            Directory.Delete(backup, recursive: true);
        }
    }
}
