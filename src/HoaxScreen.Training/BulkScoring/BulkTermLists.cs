using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Core.TermLists;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// <c>score --termlists FILE</c>: the lists of <see cref="TermListsFile"/> and the matcher the service builds over them
/// (<see cref="TermListMatcher.ForLists"/> with the scoring model's normaliser), so each post gets the matches, offsets
/// and flag <c>/v1/screen</c> gives it. Immutable and thread-safe: every pipeline scorer matches its own batches.
/// </summary>
public sealed class BulkTermLists
{
    private BulkTermLists(TermListMatcher matcher, TermListsFingerprint fingerprint)
    {
        Matcher = matcher;
        Fingerprint = fingerprint;
    }

    public TermListMatcher Matcher { get; }

    /// <summary>What a checkpoint records of the lists, so a resume continues only with the same ones.</summary>
    public TermListsFingerprint Fingerprint { get; }

    /// <summary>The matcher over <paramref name="lists"/> (read from <paramref name="file"/>) for <paramref name="model"/>'s posts.</summary>
    public static BulkTermLists For(string file, IReadOnlyList<TermList> lists, ScoringModel model) =>
        new(TermListMatcher.ForLists(lists, model.Normalizer), TermListsFingerprint.Of(file, lists));

    /// <summary>
    /// The listed terms in <paramref name="post"/>. The matcher normalises the post itself: its normaliser is the
    /// model's with the lists' words added, so masked and run-together spellings resolve towards the terms, which the
    /// classifier must not see (its scores would no longer be the service's).
    /// </summary>
    public IReadOnlyList<TermMatch> Match(string post) => Matcher.Match(post);

    /// <summary>
    /// The overall flag of a row: <see cref="BulkClaims.Flagged"/>, or (as <c>/v1/screen</c> decides) a match of a list
    /// with <c>flag: true</c>.
    /// </summary>
    public static bool Flagged(PostVerdict verdict, ClaimMatch? claim, IReadOnlyList<TermMatch>? terms) =>
        BulkClaims.Flagged(verdict, claim) || (terms is not null && terms.Any(t => t.Flag));

    /// <summary>The CSV cell of a row's matches: each distinct <c>list:term</c> once, in order of first place, joined by <paramref name="separator"/>.</summary>
    public static string Cell(IReadOnlyList<TermMatch> matches, string separator) =>
        string.Join(separator, matches.Select(m => m.List + ":" + m.Term).Distinct(StringComparer.Ordinal));
}
