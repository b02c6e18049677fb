namespace HoaxScreen.Api.Options;

/// <summary>
/// API keys (configuration section <c>Security</c>). With no key configured the API is open (local use); with at least
/// one, every <c>/v1</c> and <c>/admin</c> request must carry a valid key in the <c>X-Api-Key</c> header.
/// </summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Shortest accepted key, in characters.</summary>
    public const int MinKeyLength = 16;

    /// <summary>
    /// When true, start-up fails unless at least one key is configured, so a deployment meant to be closed can never
    /// start open because a secret was not mounted.
    /// </summary>
    public bool RequireApiKeys { get; set; }

    /// <summary>The accepted keys, e.g. <c>Security:ApiKeys:0:Key</c> and <c>Security:ApiKeys:0:Role</c>.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];
}

/// <summary>One API key and what it may do.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>A name for logs and rate limiting (never the key itself); defaults to <c>key{index}</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The secret the caller sends in <c>X-Api-Key</c>; at least 16 characters.</summary>
    public string? Key { get; set; }

    /// <summary><c>screening</c> (screen posts, read the model) or <c>admin</c> (that, plus model reloads).</summary>
    public string? Role { get; set; }
}
