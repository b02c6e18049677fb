namespace HoaxScreen.Core.TermLists;

/// <summary>
/// A deployment's own list of terms (candidate names and nicknames, local slurs, this week's hoax keywords); a match
/// of a list with <paramref name="Flag"/> makes the post flagged.
/// </summary>
public sealed record TermList(string Name, IReadOnlyList<string> Terms, bool Flag);
