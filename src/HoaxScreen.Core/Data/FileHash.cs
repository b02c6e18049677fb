using System.Security.Cryptography;

namespace HoaxScreen.Core.Data;

/// <summary>The SHA-256 of a file as manifests record it (lower-case hex): bundle files, training sources, lexicons.</summary>
public static class FileHash
{
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
