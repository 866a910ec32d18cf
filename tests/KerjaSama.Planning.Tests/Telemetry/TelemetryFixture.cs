using KerjaSama.TestKit;

namespace KerjaSama.Planning.Tests.Telemetry;

/// <summary>
/// A host that exports over OTLP/HTTP every second to its own <see cref="OtlpReceiver"/> and serves the Prometheus
/// scrape endpoint behind <see cref="ScrapeToken"/>.
/// </summary>
public abstract class TelemetryFixture : PlatformFixture
{
    public const string ScrapeToken = "scrape-token-for-tests-0123456789";

    public OtlpReceiver Receiver { get; } = OtlpReceiver.Start();

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["KerjaSama:Telemetry:OtlpEndpoint"] = Receiver.Address.ToString();
        settings["KerjaSama:Telemetry:OtlpProtocol"] = "http/protobuf";
        settings["KerjaSama:Telemetry:ExportIntervalSeconds"] = "1";
        settings["KerjaSama:Telemetry:Prometheus:Enabled"] = "true";
        settings["KerjaSama:Telemetry:Prometheus:ScrapeToken"] = ScrapeToken;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

public sealed class SqliteTelemetryFixture : TelemetryFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgreSqlTelemetryFixture : TelemetryFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}
