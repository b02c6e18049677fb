using System.Security.Cryptography;
using System.Text;
using HoaxScreen.Api.Options;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Security;

/// <summary>
/// The configured keys, kept only as SHA-256 digests. A presented key is hashed and compared with every digest in
/// constant time, so neither the comparison nor the position of the matching key leaks through timing.
/// </summary>
public sealed class ApiKeyStore
{
    private readonly Entry[] _entries;

    public ApiKeyStore(IOptions<SecurityOptions> options)
    {
        _entries = [.. options.Value.ApiKeys.Select((key, i) => new Entry(NameOf(key, i), key.Role!, Digest(key.Key!)))];
    }

    /// <summary>True when at least one key is configured, so <c>/v1</c> and <c>/admin</c> require one.</summary>
    public bool Enabled => _entries.Length > 0;

    public int Count => _entries.Length;

    /// <summary>The key's name and role when <paramref name="presented"/> matches a configured key; null otherwise.</summary>
    public (string Name, string Role)? Find(string presented)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), digest);

        (string Name, string Role)? match = null;
        foreach (var entry in _entries)
        {
            // No early exit: every digest is compared whatever matched before.
            if (CryptographicOperations.FixedTimeEquals(digest, entry.Digest) && match is null)
            {
                match = (entry.Name, entry.Role);
            }
        }

        return match;
    }

    public static string NameOf(ApiKeyOptions key, int index) =>
        string.IsNullOrWhiteSpace(key.Name) ? $"key{index}" : key.Name.Trim();

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private sealed record Entry(string Name, string Role, byte[] Digest);
}
