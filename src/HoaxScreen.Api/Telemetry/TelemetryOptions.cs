namespace HoaxScreen.Api.Telemetry;

/// <summary>Operational telemetry (configuration section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>The Prometheus scrape endpoint, e.g. <c>Telemetry:Metrics:Enabled</c>.</summary>
    public MetricsOptions Metrics { get; set; } = new();
}

/// <summary>OpenTelemetry metrics served for Prometheus at <see cref="TelemetryExtensions.MetricsPath"/>.</summary>
public sealed class MetricsOptions
{
    /// <summary>
    /// Collect metrics and serve <c>/metrics</c>. When false nothing listens to the instruments (so counting costs next to
    /// nothing) and <c>/metrics</c> answers 404.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Ask scrapers for an API key (any valid key, <c>X-Api-Key</c>) when keys are configured. Off by default: like the
    /// health probes, metrics carry only counts, timings and the model version (never post text or keys), and are usually
    /// scraped from inside the cluster network.
    /// </summary>
    public bool RequireApiKey { get; set; }
}
