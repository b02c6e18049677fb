namespace HoaxScreen.Core.Risks;

/// <summary>What the rules are judged on for one screened post; no personal data, only the request's role and action.</summary>
public sealed record RiskFacts(
    IReadOnlySet<string> FlaggedLabels,
    string? AuthorRole = null,
    string? Action = null,
    bool KnownFalseClaim = false,
    IReadOnlySet<string>? MatchedTermLists = null);

/// <summary>A rule that fired: its name and reason.</summary>
public sealed record Risk(string Name, string Reason);
