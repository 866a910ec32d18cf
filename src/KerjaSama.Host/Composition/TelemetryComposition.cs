using System.Reflection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KerjaSama.Host.Composition;

/// <summary>
/// OpenTelemetry for the whole host (ADR 0018): traces of HTTP, SignalR hub calls, EF Core and Orleans grain calls, and
/// metrics of the same plus the runtime and the platform's own meters (<c>KerjaSama.*</c>, written by the modules with
/// System.Diagnostics.Metrics only). Exported over OTLP when <c>KerjaSama:Telemetry:OtlpEndpoint</c> is set and on the
/// token-protected Prometheus scrape endpoint when enabled; with neither, no provider is built and nothing listens.
/// </summary>
internal static class TelemetryComposition
{
    /// <summary>Activity sources beyond the instrumentation packages': hub invocations and grain calls.</summary>
    public static readonly string[] ActivitySources =
    [
        "Microsoft.AspNetCore.SignalR.Server",
        "Microsoft.Orleans.Runtime",
        "Microsoft.Orleans.Application",
    ];

    /// <summary>Meters beyond the instrumentation packages' (which add ASP.NET Core's, HttpClient's and the runtime's).</summary>
    public static readonly string[] Meters =
    [
        "KerjaSama.*",
        "Microsoft.Orleans",
        "Microsoft.EntityFrameworkCore",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
    ];

    public static WebApplicationBuilder AddPlatformTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();

        // Wrong settings stop start-up with one line (ValidateOnStart); until then nothing is wired from them.
        if (ValidSettings(builder.Configuration) is not { MetricsEnabled: true } settings)
            return builder;

        var version = typeof(TelemetryComposition).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(settings.ServiceName, serviceVersion: version));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter(Meters);
            if (settings.Prometheus.Enabled)
                metrics.AddPrometheusExporter();
            if (settings.OtlpEnabled)
            {
                metrics.AddOtlpExporter((exporter, reader) =>
                {
                    ConfigureOtlp(exporter, settings, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = settings.ExportIntervalSeconds * 1000;
                });
            }
        });

        if (settings.OtlpEnabled)
        {
            telemetry.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.TraceSampleRatio)))
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbeOrScrape(context, settings))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(ActivitySources)
                .AddOtlpExporter(exporter => ConfigureOtlp(exporter, settings, "v1/traces")));
        }

        return builder;
    }

    /// <summary>Grain calls carry the caller's trace (Orleans' activity propagation) only when traces are exported.</summary>
    public static bool TracesEnabled(IConfiguration configuration) => ValidSettings(configuration) is { OtlpEnabled: true };

    /// <summary>The Prometheus scrape endpoint, when enabled: anonymous to the platform's policies, gated by its own token.</summary>
    public static WebApplication MapPlatformTelemetry(this WebApplication app)
    {
        if (ValidSettings(app.Configuration) is not { Prometheus: { Enabled: true } prometheus })
            return app;
        var gate = new ScrapeTokenGate(prometheus.ScrapeToken!);
        app.MapPrometheusScrapingEndpoint(prometheus.Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(gate.InvokeAsync),
                optionsName: null)
            .AllowAnonymous();
        return app;
    }

    private static TelemetryOptions? ValidSettings(IConfiguration configuration)
    {
        var settings = TelemetryOptions.Read(configuration);
        return new TelemetryOptionsValidator().Validate(null, settings).Succeeded ? settings : null;
    }

    private static void ConfigureOtlp(OtlpExporterOptions exporter, TelemetryOptions settings, string signalPath)
    {
        var endpoint = new Uri(settings.OtlpEndpoint!.Trim());
        if (string.Equals(settings.OtlpProtocol, TelemetryOptions.HttpProtobuf, StringComparison.OrdinalIgnoreCase))
        {
            // Set in code, the exporter posts to the endpoint exactly as given: the signal's path is ours to add.
            exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
            exporter.Endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
        }
        else
        {
            exporter.Protocol = OtlpExportProtocol.Grpc;
            exporter.Endpoint = endpoint;
        }

        exporter.BatchExportProcessorOptions.ScheduledDelayMilliseconds = settings.ExportIntervalSeconds * 1000;
    }

    private static bool IsProbeOrScrape(HttpContext context, TelemetryOptions settings) =>
        context.Request.Path.StartsWithSegments("/health")
        || (settings.Prometheus.Enabled && context.Request.Path.StartsWithSegments(settings.Prometheus.Path));
}
