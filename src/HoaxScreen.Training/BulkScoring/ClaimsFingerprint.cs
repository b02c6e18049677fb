using System.Security.Cryptography;
using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Claims.Matching;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// The claims a <c>score --claims</c> run matched against, as its checkpoint records them: the store (path and revision,
/// for messages), how many claims and the SHA-256 of what of them reaches the output (id, claim text, rating), and the
/// SHA-256 of the matcher folder's files. A resume goes on only when both hashes are the same: the same claims give the
/// same claim columns whatever the store's revision number, and any other change (an import, a deletion, another
/// store or matcher) would mix two sets of answers in one file.
/// </summary>
public sealed record ClaimsFingerprint(string Store, long Revision, int Count, string Sha256, string Matcher, string MatcherSha256)
{
    public static ClaimsFingerprint Of(string store, ClaimSnapshot snapshot, string matcherFolder)
    {
        using var claims = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var claim in snapshot.Claims)
        {
            FingerprintHash.Append(claims, claim.Id);
            FingerprintHash.Append(claims, claim.Claim);
            FingerprintHash.Append(claims, ClaimRatings.Name(claim.Rating));
        }

        using var matcher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { MatcherManifest.FileName, MatcherManifest.DeciderFile })
        {
            matcher.AppendData(File.ReadAllBytes(Path.Combine(matcherFolder, file)));
        }

        return new ClaimsFingerprint(
            store,
            snapshot.Revision,
            snapshot.Claims.Count,
            Convert.ToHexStringLower(claims.GetHashAndReset()),
            matcherFolder,
            Convert.ToHexStringLower(matcher.GetHashAndReset()));
    }

    /// <summary>Why a run started with <paramref name="then"/> cannot go on with <paramref name="now"/>, or null when it can.</summary>
    public static string? Mismatch(ClaimsFingerprint? then, ClaimsFingerprint? now) => (then, now) switch
    {
        (null, null) => null,
        (null, not null) => $"it was started without --claims, not with --claims {now.Store}",
        (not null, null) => $"it was started with --claims {then.Store}, not without it",
        _ when then.MatcherSha256 != now.MatcherSha256 => $"it was started with the claim matcher in {then.Matcher}, and the one in {now.Matcher} is another",
        _ when then.Sha256 != now.Sha256 =>
            $"it was started with other claims ({then.Count:N0} in {then.Store} at revision {then.Revision:N0}; now {now.Count:N0} in {now.Store} at revision {now.Revision:N0})",
        _ => null,
    };
}
