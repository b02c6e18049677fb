using System.Text.Encodings.Web;
using HoaxScreen.Api.Options;
using HoaxScreen.Api.Security;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace HoaxScreen.Api.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Where Prometheus scrapes.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The OpenTelemetry <c>service.name</c> (Prometheus' <c>target_info</c>).</summary>
    public const string ServiceName = "hoaxscreen";

    /// <summary>
    /// Meters exported besides <see cref="HoaxScreenMetrics.MeterName"/>: ASP.NET Core's hosting (request duration per
    /// route and status, in-flight requests), Kestrel's (connections) and diagnostics' (unhandled exceptions), and the .NET
    /// runtime's (memory, GC, CPU, thread pool; read only at scrape time). Built in since .NET 8, so no instrumentation
    /// package is needed. Routing's and the rate limiter's meters are left out: they would record several more
    /// measurements on every request, and rejections already show as 429 and 503 in the request duration's status codes.
    /// </summary>
    internal static readonly string[] FrameworkMeterNames =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Diagnostics",
        "System.Runtime",
    ];

    /// <summary>
    /// OpenTelemetry metrics for a Prometheus scrape (<see cref="HoaxScreenMetrics"/> and <see cref="FrameworkMeterNames"/>)
    /// and a tidy JSON console format for <c>Logging:Console:FormatterName=json</c>.
    /// </summary>
    public static IServiceCollection AddApiTelemetry(this IServiceCollection services)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateOnStart();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: typeof(TelemetryExtensions).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics
                // Scrapes come every 15 s or so: answering each from a fresh collection costs little, and a cached answer
                // would hide the requests just made from a scraper (or test) that asks twice within the cache time.
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));

        // Decided once the settings can be read: with metrics off nothing listens, so every instrument stays disabled and
        // recording costs one branch.
        services.ConfigureOpenTelemetryMeterProvider((provider, metrics) =>
        {
            if (provider.GetRequiredService<IOptions<TelemetryOptions>>().ValueOrDefaults().Metrics.Enabled)
            {
                metrics.AddMeter([HoaxScreenMetrics.MeterName, .. FrameworkMeterNames]);
            }
        });

        services.PostConfigure<JsonConsoleFormatterOptions>(json =>
        {
            // The shared FormatterOptions end the timestamp with a space to part it from the level in simple lines; a JSON
            // property needs no separator.
            json.TimestampFormat = json.TimestampFormat?.TrimEnd();

            // Log lines are read by people and log shippers, never put into HTML: keep quotes, '+' and non-ASCII letters
            // (paths, key names) as they are instead of \u escapes.
            var writer = json.JsonWriterOptions;
            writer.Encoder ??= JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            json.JsonWriterOptions = writer;
        });
        return services;
    }

    /// <summary>
    /// <c>GET /metrics</c> in the Prometheus text format (OpenMetrics when asked for), unless
    /// <c>Telemetry:Metrics:Enabled</c> is false. Open like the health probes unless <c>Telemetry:Metrics:RequireApiKey</c>
    /// is true; never rate limited.
    /// </summary>
    public static WebApplication MapApiMetrics(this WebApplication app)
    {
        // A setting that does not bind reads as the defaults here; start-up validation then stops the service with one line.
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().ValueOrDefaults().Metrics;
        if (!options.Enabled)
        {
            return app;
        }

        var endpoint = app.MapPrometheusScrapingEndpoint(MetricsPath)
            .WithName("Metrics")
            .WithDisplayName("Prometheus metrics")
            .ExcludeFromDescription();
        if (options.RequireApiKey)
        {
            endpoint.RequireAuthorization(ApiRoles.ScreeningPolicy);
        }

        return app;
    }
}
