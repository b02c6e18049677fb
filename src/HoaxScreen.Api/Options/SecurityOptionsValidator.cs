using HoaxScreen.Api.Security;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Options;

/// <summary>Every key must be long enough, unique and carry a known role; <c>RequireApiKeys</c> needs at least one key.</summary>
public sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var failures = new List<string>();
        var prefix = SecurityOptions.SectionName;
        if (options.RequireApiKeys && options.ApiKeys.Count == 0)
        {
            failures.Add($"{prefix}:RequireApiKeys is true but no key is configured: set {prefix}:ApiKeys:0:Key and {prefix}:ApiKeys:0:Role.");
        }

        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        var seenNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var at = $"{prefix}:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(key.Key) || key.Key.Trim().Length < SecurityOptions.MinKeyLength)
            {
                failures.Add($"{at}:Key must be at least {SecurityOptions.MinKeyLength} characters.");
            }
            else if (key.Key.Any(char.IsControl) || key.Key.Any(c => c > '\u007e'))
            {
                failures.Add($"{at}:Key must be printable ASCII (it travels in an HTTP header).");
            }
            else if (!seenKeys.Add(key.Key))
            {
                failures.Add($"{at}:Key repeats an earlier key.");
            }

            if (!ApiRoles.IsKnown(key.Role))
            {
                failures.Add($"{at}:Role must be '{ApiRoles.Screening}' or '{ApiRoles.Admin}', not '{key.Role}'.");
            }

            if (!seenNames.Add(ApiKeyStore.NameOf(key, i)))
            {
                failures.Add($"{at}:Name '{key.Name}' repeats an earlier name.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
