using System.Security.Cryptography;
using HoaxScreen.Core.TermLists;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// The term lists a <c>score --termlists</c> run matched, as its checkpoint records them: the file (for messages), how
/// many lists and terms, and the SHA-256 of every list's name, flag and terms in order. A resume goes on only with the
/// same hash: other lists would mix two sets of matches (and flags) in one file, whichever file they now come from.
/// </summary>
public sealed record TermListsFingerprint(string File, int Lists, int Terms, string Sha256)
{
    public static TermListsFingerprint Of(string file, IReadOnlyList<TermList> lists)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var list in lists)
        {
            FingerprintHash.Append(hash, list.Name);
            FingerprintHash.Append(hash, list.Flag ? "flag" : "report");
            FingerprintHash.Append(hash, list.Terms.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var term in list.Terms)
            {
                FingerprintHash.Append(hash, term);
            }
        }

        return new TermListsFingerprint(file, lists.Count, lists.Sum(l => l.Terms.Count), Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Why a run started with <paramref name="then"/> cannot go on with <paramref name="now"/>, or null when it can.</summary>
    public static string? Mismatch(TermListsFingerprint? then, TermListsFingerprint? now) => (then, now) switch
    {
        (null, null) => null,
        (null, not null) => $"it was started without --termlists, not with --termlists {now.File}",
        (not null, null) => $"it was started with --termlists {then.File}, not without it",
        _ when then.Sha256 != now.Sha256 =>
            $"it was started with other term lists (their names, terms or flags differ: {Describe(then)}; now {Describe(now)})",
        _ => null,
    };

    private static string Describe(TermListsFingerprint lists) =>
        $"{lists.Lists:N0} {(lists.Lists == 1 ? "list" : "lists")} of {lists.Terms:N0} {(lists.Terms == 1 ? "term" : "terms")} in {lists.File}";
}
