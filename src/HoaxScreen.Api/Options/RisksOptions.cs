namespace HoaxScreen.Api.Options;

/// <summary>Risk rules (configuration section <c>Risks</c>).</summary>
public sealed class RisksOptions
{
    public const string SectionName = "Risks";

    /// <summary>
    /// The rules file (JSON; see README, election monitoring); a relative path resolves against the content root. The
    /// shipped <c>risk-rules.json</c> holds <c>asn_neutrality</c> and <c>black_campaign</c>. Empty: no rules, and every
    /// response's <c>risks</c> is empty.
    /// </summary>
    public string? RulesPath { get; set; } = "risk-rules.json";
}
