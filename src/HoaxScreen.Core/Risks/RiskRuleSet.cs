using System.Text.Json;
using System.Text.RegularExpressions;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Core.Risks;

/// <summary>
/// A deployment's risk rules (a JSON file an office edits without code; see README, election monitoring), checked
/// when loaded: every problem is reported with the rule and field it is in, so a bad file stops start-up with one
/// line instead of silently never firing. Immutable and thread-safe.
/// </summary>
public sealed partial class RiskRuleSet
{
    private RiskRuleSet(IReadOnlyList<RiskRule> rules) => Rules = rules;

    public IReadOnlyList<RiskRule> Rules { get; }

    public static RiskRuleSet Empty { get; } = new([]);

    /// <summary>Reads and checks a rules file; <see cref="RiskRulesException"/> names the file and every problem.</summary>
    public static RiskRuleSet Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new RiskRulesException($"{path}: risk rules file not found");
        }

        RulesFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RulesFile>(File.ReadAllText(path), JsonDefaults.Options);
        }
        catch (JsonException ex)
        {
            // JSON's own messages name .NET types; say where instead.
            var where = ex.LineNumber is { } line ? $"line {line + 1}" : "the start";
            var fieldProblem = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                || ex.Message.Contains("could not be converted", StringComparison.Ordinal);
            throw new RiskRulesException(fieldProblem && ex.Path is { Length: > 1 } field
                ? $"{path}: {where}: {field[2..]} is not a field of a risk rules file, or not of the right kind (see README, election monitoring)"
                : $"{path}: {where}: not valid JSON for a risk rules file");
        }

        return FromRules(file?.Rules ?? [], path);
    }

    /// <summary>Checks rules given in code or read from a file (<paramref name="source"/> names them in errors).</summary>
    public static RiskRuleSet FromRules(IReadOnlyList<RiskRule> rules, string source)
    {
        var problems = Problems(rules).ToList();
        if (problems.Count > 0)
        {
            throw new RiskRulesException($"{source}: {string.Join("; ", problems)}");
        }

        return new RiskRuleSet(rules);
    }

    /// <summary>The risks of one post, in the order of the rules.</summary>
    public IReadOnlyList<Risk> Evaluate(RiskFacts facts)
    {
        List<Risk>? risks = null;
        foreach (var rule in Rules)
        {
            if (Holds(rule.When, facts))
            {
                (risks ??= []).Add(new Risk(rule.Name, rule.Reason));
            }
        }

        return risks ?? (IReadOnlyList<Risk>)[];
    }

    /// <summary>Labels the rules read: a deployment checks them against the served model's labels.</summary>
    public IReadOnlySet<string> LabelsUsed() =>
        Rules.SelectMany(r => (r.When.Labels ?? []).Concat(r.When.AnyOf?.Labels ?? [])).ToHashSet(StringComparer.Ordinal);

    private static bool Holds(RiskConditions when, RiskFacts facts)
    {
        if (when.Labels is { } labels && !labels.All(facts.FlaggedLabels.Contains))
        {
            return false;
        }

        if (when.AuthorRoles is { } roles && (facts.AuthorRole is null || !roles.Contains(facts.AuthorRole, StringComparer.Ordinal)))
        {
            return false;
        }

        if (when.Actions is { } actions && (facts.Action is null || !actions.Contains(facts.Action, StringComparer.Ordinal)))
        {
            return false;
        }

        return when.AnyOf is not { } any
            || (any.Labels?.Any(facts.FlaggedLabels.Contains) ?? false)
            || (any.KnownClaim == true && facts.KnownFalseClaim)
            || (any.TermLists?.Any(l => facts.MatchedTermLists?.Contains(l) == true) ?? false);
    }

    private static IEnumerable<string> Problems(IReadOnlyList<RiskRule> rules)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var at = $"rules[{i}]";
            if (rule.Name is null || !RuleName().IsMatch(rule.Name))
            {
                yield return $"{at}.name must be lower-case letters, digits and '_', starting with a letter";
            }
            else if (!names.Add(rule.Name))
            {
                yield return $"{at}.name '{rule.Name}' is used by an earlier rule";
            }

            if (string.IsNullOrWhiteSpace(rule.Reason))
            {
                yield return $"{at}.reason must say why the post is a risk";
            }

            if (rule.When is not { } when)
            {
                yield return $"{at}.when is missing";
                continue;
            }

            if (when.Labels is null && when.AnyOf is null && when.AuthorRoles is null && when.Actions is null)
            {
                yield return $"{at}.when has no condition (labels, anyOf, authorRoles or actions)";
            }

            foreach (var problem in Unknown(when.AuthorRoles, RiskVocabulary.AuthorRoles, $"{at}.when.authorRoles")
                .Concat(Unknown(when.Actions, RiskVocabulary.Actions, $"{at}.when.actions")))
            {
                yield return problem;
            }

            if (when.Labels is { Count: 0 } || when.AuthorRoles is { Count: 0 } || when.Actions is { Count: 0 })
            {
                yield return $"{at}.when has an empty list; leave the condition out instead";
            }

            if (when.AnyOf is { } any && (any.Labels?.Count ?? 0) == 0 && any.KnownClaim != true && (any.TermLists?.Count ?? 0) == 0)
            {
                yield return $"{at}.when.anyOf names no evidence (labels, knownClaim: true or termLists)";
            }
        }
    }

    private static IEnumerable<string> Unknown(IReadOnlyList<string>? values, IReadOnlyList<string> allowed, string at) =>
        (values ?? []).Where(v => !allowed.Contains(v, StringComparer.Ordinal))
            .Select(v => $"{at}: '{v}' is not one of {string.Join(", ", allowed)}");

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex RuleName();

    private sealed record RulesFile
    {
        public IReadOnlyList<RiskRule>? Rules { get; init; }
    }
}

/// <summary>A risk rules file that cannot be used; the message names the file and each problem.</summary>
public sealed class RiskRulesException(string message) : Exception(message);
