using HoaxScreen.Api.Options;
using HoaxScreen.Core.Risks;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Risks;

/// <summary>The deployment's risk rules, read and checked once at start-up (a bad file stops the service with one line).</summary>
public sealed class RiskRulesHolder(IOptions<RisksOptions> options, IHostEnvironment environment)
{
    private readonly Lazy<RiskRuleSet> _rules = new(() => Load(options.Value, environment.ContentRootPath));

    public RiskRuleSet Rules => _rules.Value;

    public static RiskRuleSet Load(RisksOptions options, string contentRoot) =>
        string.IsNullOrWhiteSpace(options.RulesPath)
            ? RiskRuleSet.Empty
            : RiskRuleSet.Load(Path.GetFullPath(Path.Combine(contentRoot, options.RulesPath)));
}

/// <summary>Checks the rules file at start-up, so a broken file is a start-up error rather than rules that never fire.</summary>
public sealed class RisksOptionsValidator(IHostEnvironment environment) : IValidateOptions<RisksOptions>
{
    public ValidateOptionsResult Validate(string? name, RisksOptions options)
    {
        try
        {
            RiskRulesHolder.Load(options, environment.ContentRootPath);
            return ValidateOptionsResult.Success;
        }
        catch (RiskRulesException ex)
        {
            return ValidateOptionsResult.Fail($"Risks:RulesPath: {ex.Message}");
        }
    }
}
