using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Options;

/// <summary>Server limits that keep one caller, or a traffic spike, from exhausting the service (configuration section <c>Limits</c>).</summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>
    /// Largest accepted request body, in bytes (default 1 MiB). A larger declared <c>Content-Length</c> is answered 413 before
    /// anything is read; a chunked body is cut off with 413 as soon as it passes the limit.
    /// </summary>
    [Range(typeof(long), "1024", "268435456")]
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;

    /// <summary>Largest total size of the request headers, in bytes (Kestrel answers 431 above it).</summary>
    [Range(1_024, 1_048_576)]
    public int MaxRequestHeadersTotalBytes { get; set; } = 32_768;

    /// <summary>Most request headers (Kestrel answers 431 above it).</summary>
    [Range(8, 1_000)]
    public int MaxRequestHeaderCount { get; set; } = 100;

    /// <summary>Longest request line (method, path and query), in bytes (Kestrel answers 414 above it).</summary>
    [Range(256, 65_536)]
    public int MaxRequestLineBytes { get; set; } = 8_192;

    /// <summary>Most open connections (0 = no limit). Connections above it are closed at once.</summary>
    [Range(0, 1_000_000)]
    public int MaxConcurrentConnections { get; set; }

    /// <summary>Deepest accepted JSON nesting; a request's own shape needs 3 levels.</summary>
    [Range(4, 64)]
    public int MaxJsonDepth { get; set; } = 16;

    /// <summary>Longest a request may take, in seconds, from routing to the response (503 problem details after it).</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Most screening requests scored at the same time (0 = twice the CPU cores). Others
    /// wait in a first-come queue.
    /// </summary>
    [Range(0, 4_096)]
    public int MaxConcurrentScoring { get; set; }

    /// <summary>Most screening requests waiting for a scoring slot; when the queue is full a request is answered 503 with <c>Retry-After</c>.</summary>
    [Range(0, 100_000)]
    public int ScoringQueueLimit { get; set; } = 512;

    /// <summary>
    /// Most short-post screening requests one caller (API key, else client address) may have scored at once (0 = the
    /// CPU cores, half the default <see cref="MaxConcurrentScoring"/>): one caller can keep every core busy but never
    /// take every slot, so another caller's post starts at once.
    /// </summary>
    [Range(0, 4_096)]
    public int MaxConcurrentScoringPerCaller { get; set; }

    /// <summary>
    /// A screening request whose body is larger than this many bytes (or whose size is not declared) is heavy: it may
    /// carry 10,000-character posts to explain or a 100,000-character batch, tens of milliseconds of CPU. Heavy requests
    /// queue in their own lane with <see cref="MaxConcurrentHeavyScoring"/> slots, so they cannot take every core from
    /// short posts. A tweet with its JSON is well under 2 KB.
    /// </summary>
    [Range(256, 268_435_456)]
    public int HeavyRequestBytes { get; set; } = 8_192;

    /// <summary>Most heavy screening requests scored at the same time (0 = half the CPU cores, at least 1).</summary>
    [Range(0, 4_096)]
    public int MaxConcurrentHeavyScoring { get; set; }

    /// <summary>
    /// <c>/health/ready</c> answers 503 while a screening request has waited longer than this for a scoring slot, so a
    /// load balancer sends new posts to another replica (0 = readiness ignores the queue).
    /// </summary>
    [Range(0, 600)]
    public double ReadyMaxQueueWaitSeconds { get; set; } = 2;

    /// <summary>The effective concurrent-scoring cap.</summary>
    public int EffectiveMaxConcurrentScoring => MaxConcurrentScoring > 0 ? MaxConcurrentScoring : Environment.ProcessorCount * 2;

    /// <summary>The effective per-caller share of the short-post lane.</summary>
    public int EffectiveMaxConcurrentScoringPerCaller =>
        MaxConcurrentScoringPerCaller > 0 ? MaxConcurrentScoringPerCaller : Environment.ProcessorCount;

    /// <summary>The effective cap for heavy requests.</summary>
    public int EffectiveMaxConcurrentHeavyScoring =>
        MaxConcurrentHeavyScoring > 0 ? MaxConcurrentHeavyScoring : Math.Max(1, Environment.ProcessorCount / 2);
}

/// <summary>Source-generated data-annotation validation of <see cref="LimitsOptions"/>.</summary>
[OptionsValidator]
public sealed partial class LimitsOptionsValidator : IValidateOptions<LimitsOptions>;
