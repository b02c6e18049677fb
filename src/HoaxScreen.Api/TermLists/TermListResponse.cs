using HoaxScreen.Core.TermLists;

namespace HoaxScreen.Api.TermLists;

/// <summary>A stored term list.</summary>
public sealed record TermListResponse(string Name, bool Flag, IReadOnlyList<string> Terms)
{
    public static TermListResponse From(TermList list) => new(list.Name, list.Flag, list.Terms);
}

/// <summary>A stored list without its terms, for the overview.</summary>
public sealed record TermListSummary(string Name, bool Flag, int Terms);

/// <summary>A term of a list found in a post, at UTF-16 offsets into the original text.</summary>
public sealed record TermMatchResponse(string List, string Term, int Start, int Length)
{
    public static TermMatchResponse From(TermMatch match) => new(match.List, match.Term, match.Start, match.Length);
}
