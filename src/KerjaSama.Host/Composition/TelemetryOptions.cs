using Microsoft.Extensions.Options;

namespace KerjaSama.Host.Composition;

/// <summary>
/// Settings under <c>KerjaSama:Telemetry</c>: where traces and metrics go (docs/deployment.md "Observability").
/// Nothing is collected unless an OTLP endpoint is set or the Prometheus scrape endpoint is enabled.
/// </summary>
internal sealed class TelemetryOptions
{
    public const string Section = "KerjaSama:Telemetry";
    public const string Grpc = "grpc";
    public const string HttpProtobuf = "http/protobuf";

    /// <summary>The <c>service.name</c> resource attribute (one per deployment; hosts differ by instance id).</summary>
    public string ServiceName { get; set; } = "kerjasama";

    /// <summary>Base URL of an OTLP receiver, e.g. <c>http://collector:4317</c> (gRPC) or <c>http://collector:4318</c> (HTTP).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http/protobuf</c> (then the host posts to <c>/v1/traces</c> and <c>/v1/metrics</c> under the endpoint).</summary>
    public string OtlpProtocol { get; set; } = Grpc;

    /// <summary>OTLP only: how often metrics are pushed and the longest a finished span waits in the export batch.</summary>
    public int ExportIntervalSeconds { get; set; } = 30;

    /// <summary>Share of new traces kept (0 to 1); a request that arrives with a sampled parent stays sampled.</summary>
    public double TraceSampleRatio { get; set; } = 1.0;

    public PrometheusScrapeOptions Prometheus { get; set; } = new();

    public bool OtlpEnabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public bool MetricsEnabled => OtlpEnabled || Prometheus.Enabled;

    /// <summary>The settings as configured, without validation (the validator reports problems at start).</summary>
    public static TelemetryOptions Read(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(Section).Get<TelemetryOptions>() ?? new();
        }
        catch (InvalidOperationException)
        {
            // A value of the wrong type: the bound options fail validation at start with the binder's message.
            return new();
        }
    }
}

/// <summary><c>KerjaSama:Telemetry:Prometheus</c>: the scrape endpoint, off unless enabled, and only with the token.</summary>
internal sealed class PrometheusScrapeOptions
{
    public const int MinimumTokenLength = 16;

    public bool Enabled { get; set; }

    /// <summary>The path of the scrape endpoint.</summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>The bearer token a scraper sends (<c>Authorization: Bearer ...</c>); required when enabled.</summary>
    public string? ScrapeToken { get; set; }
}

internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    private const string Section = TelemetryOptions.Section;

    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ServiceName))
            return ValidateOptionsResult.Fail($"{Section}:ServiceName must not be empty.");
        if (options.OtlpEnabled && !IsHttpUrl(options.OtlpEndpoint!))
            return ValidateOptionsResult.Fail($"{Section}:OtlpEndpoint '{options.OtlpEndpoint}' is not an absolute http:// or https:// URL.");
        if (!IsProtocol(options.OtlpProtocol))
            return ValidateOptionsResult.Fail($"{Section}:OtlpProtocol '{options.OtlpProtocol}' is not supported; use grpc or http/protobuf.");
        if (options.ExportIntervalSeconds is < 1 or > 3600)
            return ValidateOptionsResult.Fail($"{Section}:ExportIntervalSeconds must be between 1 and 3600.");
        if (double.IsNaN(options.TraceSampleRatio) || options.TraceSampleRatio is < 0 or > 1)
            return ValidateOptionsResult.Fail($"{Section}:TraceSampleRatio must be between 0 and 1.");
        var prometheus = options.Prometheus;
        if (prometheus.Enabled)
        {
            if (string.IsNullOrWhiteSpace(prometheus.ScrapeToken) || prometheus.ScrapeToken.Trim().Length < PrometheusScrapeOptions.MinimumTokenLength)
            {
                return ValidateOptionsResult.Fail(
                    $"{Section}:Prometheus:ScrapeToken of at least {PrometheusScrapeOptions.MinimumTokenLength} characters is required when {Section}:Prometheus:Enabled is true.");
            }

            if (!prometheus.Path.StartsWith('/') || prometheus.Path.Length < 2 || prometheus.Path.Contains('{') || prometheus.Path.Contains('?'))
                return ValidateOptionsResult.Fail($"{Section}:Prometheus:Path '{prometheus.Path}' must be a plain path such as /metrics.");
        }

        return ValidateOptionsResult.Success;
    }

    public static bool IsProtocol(string? protocol) =>
        string.Equals(protocol, TelemetryOptions.Grpc, StringComparison.OrdinalIgnoreCase)
        || string.Equals(protocol, TelemetryOptions.HttpProtobuf, StringComparison.OrdinalIgnoreCase);

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
