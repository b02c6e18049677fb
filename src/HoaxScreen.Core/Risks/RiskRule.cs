namespace HoaxScreen.Core.Risks;

/// <summary>
/// One rule of a deployment's risk rules file: when every condition of <see cref="When"/> holds for a screened post, the
/// response lists the risk <see cref="Name"/> with <see cref="Reason"/>.
/// </summary>
public sealed record RiskRule
{
    /// <summary>Lower-case snake case, unique in the file, e.g. <c>asn_neutrality</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Why the post is a risk, in words a moderator reads.</summary>
    public required string Reason { get; init; }

    public required RiskConditions When { get; init; }
}

/// <summary>Conditions of a rule; those given must all hold, and at least one must be given.</summary>
public sealed record RiskConditions
{
    /// <summary>Labels that must all be flagged.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>At least one of these must hold.</summary>
    public RiskEvidence? AnyOf { get; init; }

    /// <summary>The author's role must be one of these (<see cref="RiskVocabulary.AuthorRoles"/>); a post without a role never matches.</summary>
    public IReadOnlyList<string>? AuthorRoles { get; init; }

    /// <summary>The action must be one of these (<see cref="RiskVocabulary.Actions"/>); a post without an action never matches.</summary>
    public IReadOnlyList<string>? Actions { get; init; }
}

/// <summary>Evidence of which any one piece suffices.</summary>
public sealed record RiskEvidence
{
    /// <summary>Any of these labels flagged.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>When true: the post repeats a known false or misleading claim (a <c>match</c>).</summary>
    public bool? KnownClaim { get; init; }

    /// <summary>Any of these term lists matched.</summary>
    public IReadOnlyList<string>? TermLists { get; init; }
}

/// <summary>The closed vocabularies of the request's <c>author.role</c> and <c>context.action</c>.</summary>
public static class RiskVocabulary
{
    public static IReadOnlyList<string> AuthorRoles { get; } = ["asn", "candidate", "party", "media", "public"];

    public static IReadOnlyList<string> Actions { get; } = ["post", "comment", "share", "like"];
}
