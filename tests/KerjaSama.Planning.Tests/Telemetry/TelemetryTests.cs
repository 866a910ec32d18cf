using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Tests.Live;
using Xunit;
using Xunit.Abstractions;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Telemetry;

/// <summary>Issue 18: the platform's meters on the Prometheus scrape endpoint, and traces and metrics over OTLP.</summary>
public abstract class TelemetryTests(TelemetryFixture platform, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private async Task<(HttpStatusCode Status, string Body)> ScrapeAsync(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await platform.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The sum of every series of one metric (all label sets), or null when the scrape has none.</summary>
    private static double? Sum(string scrape, string metric)
    {
        double? sum = null;
        foreach (var line in scrape.Split('\n'))
        {
            if (line.StartsWith('#') || !(line.StartsWith(metric + " ", StringComparison.Ordinal) || line.StartsWith(metric + "{", StringComparison.Ordinal)))
                continue;
            var value = line[(line.LastIndexOf('}') is var close and >= 0 ? close + 1 : metric.Length)..].Trim().Split(' ')[0];
            sum = (sum ?? 0) + double.Parse(value, CultureInfo.InvariantCulture);
        }

        return sum;
    }

    [Fact]
    public async Task The_scrape_endpoint_refuses_callers_without_the_scrape_token()
    {
        var (anonymous, _) = await ScrapeAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        var (wrong, _) = await ScrapeAsync("not-the-scrape-token-at-all");
        Assert.Equal(HttpStatusCode.Forbidden, wrong);
        var s = await SessionScenario.StartAsync(platform);
        var (member, body) = await ScrapeAsync(s.Facilitator.AccessToken);
        Assert.Equal(HttpStatusCode.Forbidden, member);
        Assert.DoesNotContain("kerjasama_live", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_live_edit_the_scrape_shows_ops_applied_commit_latency_connected_clients_and_http_metrics()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var a = await s.JoinAsync(s.AgencyA);
        await using var b = await s.JoinAsync(s.AgencyB);
        var ack = await a.SubmitAsync(OpKinds.Add, Guid.NewGuid(), new Dictionary<string, object?>
        {
            [F.AffairCode] = "1.02", [F.Potential] = "Rujukan pasien lintas batas", [F.CooperationType] = "KSDD-wajib",
            [F.PartnerRegionCodes] = new[] { "63" }, [F.StartYear] = 2026, [F.DurationYears] = 3,
        });
        Assert.Equal(AckOutcomes.Applied, ack.Outcome);
        await b.WaitForSeqAsync(ack.Seq);

        // The exporter caches a scrape for a moment; a bounded wait covers it and the fan-out's record after the send.
        var deadline = DateTime.UtcNow + Patience;
        string scrape;
        while (true)
        {
            var (status, body) = await ScrapeAsync(TelemetryFixture.ScrapeToken);
            Assert.Equal(HttpStatusCode.OK, status);
            scrape = body;
            // Waits for every figure asserted below: the exporter's cached scrape may predate some of them.
            if (((Sum(scrape, "kerjasama_live_fanout_duration_milliseconds_count") ?? 0) > 0 && (Sum(scrape, "kerjasama_live_hub_connections") ?? 0) >= 2
                    && (Sum(scrape, "kerjasama_live_sessions_active") ?? 0) >= 1) || DateTime.UtcNow > deadline)
                break;
            await Task.Delay(250);
        }

        output.WriteLine(string.Join('\n', scrape.Split('\n').Where(l => l.Contains("kerjasama_live", StringComparison.Ordinal) && !l.Contains("_bucket", StringComparison.Ordinal))));
        output.WriteLine(string.Join('\n', scrape.Split('\n').Where(l => l.StartsWith("# TYPE", StringComparison.Ordinal))));
        Assert.True(Sum(scrape, "kerjasama_live_ops_applied_total") >= 1, "ops applied");
        Assert.True(Sum(scrape, "kerjasama_live_commit_duration_milliseconds_count") >= 1, "commit latency histogram");
        Assert.True(Sum(scrape, "kerjasama_live_commit_batch_size_count") >= 1, "commit batch size");
        Assert.True(Sum(scrape, "kerjasama_live_fanout_duration_milliseconds_count") >= 1, "fan-out latency histogram");
        Assert.Contains("kerjasama_live_hub_connections{", scrape, StringComparison.Ordinal);
        Assert.True(Sum(scrape, "kerjasama_live_hub_connections") >= 2, "two connected clients");
        Assert.True(Sum(scrape, "kerjasama_live_sessions_active") >= 1, "a live session");
        Assert.True(Sum(scrape, "http_server_request_duration_seconds_count") >= 1, "http server metrics");
        Assert.Contains("http_response_status_code=\"201\"", scrape, StringComparison.Ordinal);
    }

    // Instrumentation scopes (activity sources and meters) each export names; found as UTF-8 in the protobuf bodies.
    // The hub's Submit span (SignalR names it hub type/method) is waited for too: the export after the edit carries it.
    private static readonly string[] TraceScopes =
    [
        "Microsoft.AspNetCore", "Microsoft.AspNetCore.SignalR.Server", "Microsoft.Orleans.Runtime", "OpenTelemetry.Instrumentation.EntityFrameworkCore",
        "KerjaSama.Planning.Live.Hub.MappingHub/Submit",
    ];

    private static readonly string[] MetricScopes = ["KerjaSama.Live", "Microsoft.AspNetCore.Hosting", "Microsoft.Orleans", "System.Runtime"];

    [Fact]
    public async Task Traces_and_metrics_are_exported_over_otlp_http_to_the_configured_endpoint()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var a = await s.JoinAsync(s.AgencyA);
        var ack = await a.SubmitAsync(OpKinds.Add, Guid.NewGuid(), new Dictionary<string, object?>
        {
            [F.AffairCode] = "1.02", [F.Potential] = "Air bersih lintas batas", [F.CooperationType] = "KSDD-wajib",
            [F.PartnerRegionCodes] = new[] { "63" }, [F.StartYear] = 2026, [F.DurationYears] = 3,
        });
        Assert.Equal(AckOutcomes.Applied, ack.Outcome);
        var receiver = platform.Receiver;
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline
            && !(TraceScopes.All(t => receiver.Carries("traces", t)) && MetricScopes.All(m => receiver.Carries("metrics", m))))
        {
            await Task.Delay(250);
        }

        foreach (var request in receiver.Requests.Take(6))
            output.WriteLine($"{request.Signal} {request.ContentType} {request.Body.Length} bytes");
        Assert.Contains(receiver.Requests, r => r.Signal == "traces" && r.Body.Length > 0);
        Assert.Contains(receiver.Requests, r => r.Signal == "metrics" && r.Body.Length > 0);
        Assert.All(receiver.Requests, r => Assert.Equal("application/x-protobuf", r.ContentType));
        Assert.All(TraceScopes, t => Assert.True(receiver.Carries("traces", t), $"no span of {t} exported"));
        Assert.All(MetricScopes, m => Assert.True(receiver.Carries("metrics", m), $"no metric of {m} exported"));
    }
}

public sealed class TelemetryTests_on_Sqlite(SqliteTelemetryFixture p, ITestOutputHelper o) : TelemetryTests(p, o), IClassFixture<SqliteTelemetryFixture>;

public sealed class TelemetryTests_on_PostgreSql(PostgreSqlTelemetryFixture p, ITestOutputHelper o) : TelemetryTests(p, o), IClassFixture<PostgreSqlTelemetryFixture>;
