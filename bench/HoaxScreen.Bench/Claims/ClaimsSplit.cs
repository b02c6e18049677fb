using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace HoaxScreen.Bench.Claims;

/// <summary>
/// The benchmark's deterministic split, the same in C# and in bench/peers/claims_peers.py: H(key) is the MD5 digest of
/// the key's UTF-8 bytes read as one unsigned big-endian 128-bit integer (Python: <c>int(hashlib.md5(key.encode()).hexdigest(), 16)</c>).
/// A claim is indexed when H(id) % 5 != 0; a query's fold is (H // 5) % 5 of its claim id (clean posts: of their text),
/// so folds are independent of the index split.
/// </summary>
public static class ClaimsSplit
{
    public const int Folds = 5;

    public static BigInteger Hash(string key) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes(key)), isUnsigned: true, isBigEndian: true);

    public static bool IsIndexed(string claimId) => Hash(claimId) % 5 != 0;

    public static int Fold(string key) => (int)(Hash(key) / 5 % Folds);
}
