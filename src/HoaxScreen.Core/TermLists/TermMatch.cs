namespace HoaxScreen.Core.TermLists;

/// <summary>A term of a list found in a post, at <paramref name="Start"/> and <paramref name="Length"/> UTF-16 units of the original text.</summary>
public sealed record TermMatch(string List, string Term, int Start, int Length, bool Flag);
