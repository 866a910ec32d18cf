using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Host.Tests;

/// <summary>A wrong setting stops the host with exit code 1 and one log line that names the setting.</summary>
public sealed class StartupConfigurationTests
{
    private static Dictionary<string, string> Settings(string provider, string connectionString, string? dataDirectory = null) => new()
    {
        ["KerjaSama__Database__Provider"] = provider,
        ["KerjaSama__Database__ConnectionString"] = connectionString,
        ["KerjaSama__DataDirectory"] = dataDirectory ?? Path.Combine(Path.GetTempPath(), "kerjasama-tests", Guid.NewGuid().ToString("N")),
    };

    private static void AssertOneClearLine(string output, string setting)
    {
        var lines = output.Split('\n').Where(l => l.Contains("Start-up failed", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"Expected one 'Start-up failed' line:\n{output}");
        var next = output.Split('\n').SkipWhile(l => !l.Contains("Start-up failed", StringComparison.Ordinal)).Skip(1).FirstOrDefault() ?? "";
        Assert.True((lines[0] + next).Contains(setting, StringComparison.Ordinal), $"The line does not name {setting}:\n{output}");
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_provider_name_stops_start_up_naming_the_setting()
    {
        var (exit, output) = await HostProcess.RunAsync(Settings("Oracle", ""));
        Assert.Equal(1, exit);
        AssertOneClearLine(output, "KerjaSama:Database:Provider");
        Assert.Contains("'Oracle'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_stops_start_up_naming_the_setting()
    {
        var (exit, output) = await HostProcess.RunAsync(Settings("PostgreSql", "Host=127.0.0.1;NoSuchKeyword=1"));
        Assert.Equal(1, exit);
        AssertOneClearLine(output, "KerjaSama:Database:ConnectionString");
    }

    [Fact]
    public async Task An_unreachable_database_stops_start_up_naming_the_setting()
    {
        var (exit, output) = await HostProcess.RunAsync(
            Settings("PostgreSql", $"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Timeout=3"));
        Assert.Equal(1, exit);
        AssertOneClearLine(output, "KerjaSama:Database:ConnectionString");
    }

    [Fact]
    public async Task An_otlp_endpoint_that_is_not_an_http_url_stops_start_up_naming_the_setting()
    {
        var settings = Settings("Sqlite", "");
        settings["KerjaSama__Telemetry__OtlpEndpoint"] = "localhost:4317";
        var (exit, output) = await HostProcess.RunAsync(settings);
        Assert.Equal(1, exit);
        AssertOneClearLine(output, "KerjaSama:Telemetry:OtlpEndpoint");
        Assert.Contains("'localhost:4317'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prometheus_endpoint_without_a_scrape_token_stops_start_up_naming_the_setting()
    {
        var settings = Settings("Sqlite", "");
        settings["KerjaSama__Telemetry__Prometheus__Enabled"] = "true";
        var (exit, output) = await HostProcess.RunAsync(settings);
        Assert.Equal(1, exit);
        AssertOneClearLine(output, "KerjaSama:Telemetry:Prometheus:ScrapeToken");
    }

    [Fact]
    public async Task A_server_database_is_migrated_by_the_migrate_command_and_not_at_start_up()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        var settings = Settings("PostgreSql", database.ConnectionString!, database.DataDirectory);

        var (refused, refusal) = await HostProcess.RunAsync(settings);
        Assert.Equal(1, refused);
        AssertOneClearLine(refusal, "pending migration");

        var (migrated, log) = await HostProcess.RunAsync(settings, "migrate", TimeSpan.FromSeconds(120));
        Assert.True(migrated == 0, log);
        Assert.Contains("All module schemas are migrated and seeded.", log, StringComparison.Ordinal);

        var (again, secondLog) = await HostProcess.RunAsync(settings, "migrate", TimeSpan.FromSeconds(120));
        Assert.True(again == 0, secondLog);
    }
}
