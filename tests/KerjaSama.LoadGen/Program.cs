using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KerjaSama.LoadGen;
using KerjaSama.TestKit;
using Microsoft.AspNetCore.SignalR.Client;

// Load generator for live mapping sessions. Usage (see README):
//   bash build/bench.sh [small] [meeting] [burst] [scale-2000] [scale-5000] [flood] [--protocol json|messagepack|both] [--floors]
// Against a running cluster (build/cluster.sh): bash build/bench.sh cluster --hosts URL,URL,URL [throughput] [kill] [rolling]
// The board in chromium with 300 rows and 40 people: bash build/bench.sh board [--rows 300] [--people 40] [--seconds 60]
if (args is ["--baseline-server", var baselineUrl])
{
    await BaselineServer.RunAsync(baselineUrl);
    return 0;
}

if (args is ["--floor-server", var floorUrl, var floorKind, var floorSilo, var floorGateway, var floorData])
{
    await BaselineServer.RunAsync(floorUrl, Enum.Parse<BaselineKind>(floorKind), int.Parse(floorSilo, CultureInfo.InvariantCulture),
        int.Parse(floorGateway, CultureInfo.InvariantCulture), floorData);
    return 0;
}

if (args is ["cluster", ..])
    return await ClusterBench.RunAsync(args[1..]);

if (args is ["profile-summary", .. var traces])
    return ProfileSummary.Run(traces);

if (args is ["board", ..])
    return await BoardBench.RunAsync(args[1..]);

var hostDll = Environment.GetEnvironmentVariable("KERJASAMA_HOST_DLL") ?? throw new InvalidOperationException("Set KERJASAMA_HOST_DLL.");
var protocolArg = args.SkipWhile(a => a != "--protocol").Skip(1).FirstOrDefault() ?? "both";
bool[] protocols = protocolArg switch
{
    "json" => [false],
    "messagepack" => [true],
    "both" => [false, true],
    _ => throw new ArgumentException("--protocol json|messagepack|both"),
};
var profileDir = args.SkipWhile(a => a != "--profile").Skip(1).FirstOrDefault();
var profiler = profileDir is null ? null : new Profiler(Path.GetFullPath(profileDir));
// --floors: two more servers between the raw hub and the platform (an Orleans grain per session; that grain committing
// each edit to SQLite), run on every scenario after the raw hub, to show which part of the gap each step costs.
var withFloors = args.Contains("--floors");
var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && a != protocolArg && a != profileDir).ToArray();
var selected = names.Length == 0 ? Scenario.All : Scenario.All.Where(s => names.Contains(s.Name)).ToArray();
static void Echo(string line) => Console.Error.WriteLine("  [server] " + line);
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "-";
var loadAtStart = LoadAverage();
var dataDir = Path.Combine(Path.GetTempPath(), "kerjasama-bench-" + Guid.NewGuid().ToString("N")[..8]);

var hostPort = FreePort.Next();
// Runtime settings for the platform process alone (the baseline keeps the defaults), to compare a setting with the same
// command: KERJASAMA_BENCH_PLATFORM_DOTNET_gcServer=0 bash build/bench.sh small sets DOTNET_gcServer=0 for the platform.
const string PlatformEnvPrefix = "KERJASAMA_BENCH_PLATFORM_";
var platformOnly = Environment.GetEnvironmentVariables().Keys.Cast<string>()
    .Where(k => k.StartsWith(PlatformEnvPrefix, StringComparison.Ordinal))
    .ToDictionary(k => k[PlatformEnvPrefix.Length..], k => Environment.GetEnvironmentVariable(k)!);
foreach (var (name, value) in platformOnly)
    Console.Error.WriteLine($"  platform only: {name}={value}");
var platformEnvironment = new Dictionary<string, string>
{
    // Development: the demo accounts and the demo CLI client sign in through the real code + PKCE flow.
    ["ASPNETCORE_ENVIRONMENT"] = "Development",
    ["KerjaSama__Identity__SignInRequestsPerMinute"] = "100000",
    // The scale scenarios create 125 exercises and open their sessions through REST as one facilitator.
    ["KerjaSama__Limits__RestOps__PermitLimit"] = "100000",
    // Scripted clients share five demo accounts (at most 100 edits/s each, in the burst scenario): the per-user limit
    // is raised above that for them, and stays far below the flooding client's 1,000/s (which signs in on its own).
    ["KerjaSama__Live__SubmitsPerSecond"] = "150",
    ["KerjaSama__Live__SubmitBurst"] = "300",
    ["KerjaSama__Identity__AllowHttpOnLoopback"] = "true",
    ["KerjaSama__DataDirectory"] = dataDir,
    ["KerjaSama__Logging__Json"] = "false",
    ["Logging__LogLevel__Default"] = "Warning",
};
// The platform-only settings come last, so they can also replace the settings above (e.g. the submit limit for a
// flood run: KERJASAMA_BENCH_PLATFORM_KerjaSama__Live__SubmitsPerSecond=45).
foreach (var (name, value) in platformOnly)
    platformEnvironment[name] = value;
await using var platform = HostProcess.Start("platform", platformEnvironment, httpPort: hostPort, dll: hostDll, echo: Echo);
await platform.WaitReadyAsync(TimeSpan.FromSeconds(90));
var baselinePort = FreePort.Next();
await using var baseline = HostProcess.Start("baseline", new Dictionary<string, string>(), httpPort: baselinePort,
    dll: typeof(Scenario).Assembly.Location, arguments: ["--baseline-server", $"http://127.0.0.1:{baselinePort}"], echo: Echo);
await baseline.WaitReadyAsync(TimeSpan.FromSeconds(90), "/health");
var floors = new List<(string Name, HostProcess Server)>();
if (withFloors)
{
    foreach (var (kind, name) in new[] { (BaselineKind.Grain, "raw + grain"), (BaselineKind.GrainSqlite, "raw + grain + SQLite") })
    {
        var port = FreePort.Next();
        var floor = HostProcess.Start(name.Replace(' ', '-'), new Dictionary<string, string>(), httpPort: port, dll: typeof(Scenario).Assembly.Location,
            arguments: ["--floor-server", $"http://127.0.0.1:{port}", kind.ToString(), FreePort.Next().ToString(CultureInfo.InvariantCulture),
                FreePort.Next().ToString(CultureInfo.InvariantCulture), dataDir], echo: Echo);
        await floor.WaitReadyAsync(TimeSpan.FromSeconds(90), "/health");
        floors.Add((name, floor));
    }
}

using var http = new HttpClient { BaseAddress = platform.Url };
var agencies = JsonDocument.Parse(await http.GetStringAsync("/api/registry/organisations?kind=agency&region=62&pageSize=100")).RootElement
    .GetProperty("items").EnumerateArray().Select(o => (Id: o.GetProperty("id").GetGuid(), Name: o.GetProperty("name").GetString()!)).ToList();
const string DemoPassword = "Kerjasama-Demo-2025!";
async Task<string> SignInAsync(string userName)
{
    using var browser = new BrowserSession(platform.Url);
    var tokens = await browser.SignInAsync(userName, DemoPassword, "kerjasama-cli");
    return tokens.GetProperty("access_token").GetString()!;
}

var partners = new[] { "62.71", "63" }.Select(region =>
    JsonDocument.Parse(http.GetStringAsync($"/api/registry/organisations?region={region}&kind=government").Result).RootElement
        .GetProperty("items")[0].GetProperty("id").GetGuid()).ToArray();
var invited = agencies.Select(a => a.Id).Concat(partners).ToArray();
string[] contributorAccounts = ["dinkes@kerjasama.test", "pupr@kerjasama.test", "bapperida@kerjasama.test", "palangkaraya@kerjasama.test",
    "kalsel@kerjasama.test"];
string[] contributors = [];

var facilitatorToken = "";

// Real sign-ins (authorization code + PKCE); tokens live 10 minutes, so every scenario signs in afresh.
async Task SignInAllAsync()
{
    facilitatorToken = await SignInAsync("fasilitator@kerjasama.test");
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", facilitatorToken);
    var secretariatToken = await SignInAsync("admin@kerjasama.test");
    _ = secretariatToken;
    contributors = [.. await Task.WhenAll(contributorAccounts.Select(SignInAsync))];
}

async Task<List<Guid>> OpenSessionsAsync(int count)
{
    var ids = new List<Guid>();
    for (var i = 0; i < count; i++)
    {
        using var admin = new HttpClient { BaseAddress = platform.Url };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync("admin@kerjasama.test"));
        var created = await admin.PostAsJsonAsync("/api/planning/exercises", new
        {
            regionCode = "62", title = $"Beban {Guid.NewGuid():N}", periodKind = "RPJMD", startYear = 2025, invitedOrganisationIds = invited,
        });
        var exerciseId = JsonDocument.Parse(await created.EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var session = await (await http.PostAsync($"/api/planning/exercises/{exerciseId}/sessions", null)).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        ids.Add(JsonDocument.Parse(session).RootElement.GetProperty("sessionId").GetGuid());
    }

    return ids;
}

// Warm-up (not reported): JIT, tiered compilation, connection pools and the first grain activations, on both
// targets, so that the first measured scenario does not pay for them.
await SignInAllAsync();
var warmup = new Scenario("warm-up", 2, 10, 5, 15);
foreach (var messagePack in protocols)
{
    await new Runner(platform, i => contributors[i % contributors.Length], messagePack).RunAsync(warmup, "platform", await OpenSessionsAsync(warmup.Sessions));
    await new Runner(baseline, i => contributors[i % contributors.Length], messagePack).RunAsync(warmup, "raw SignalR", [Guid.NewGuid(), Guid.NewGuid()]);
    foreach (var (name, floor) in floors)
        await new Runner(floor, i => contributors[i % contributors.Length], messagePack).RunAsync(warmup, name, [Guid.NewGuid(), Guid.NewGuid()]);
}

// Then wait (at most 30 s) until both servers are quiet: tiered compilation finishes in the background after a
// warm-up, and its CPU would otherwise be counted against the first scenario.
foreach (var server in new[] { platform, baseline }.Concat(floors.Select(f => f.Server)))
{
    for (var i = 0; i < 15; i++)
    {
        var before = server.CpuSeconds();
        await Task.Delay(2000);
        if ((server.CpuSeconds() - before) / 2.0 < 0.05)
            break;
    }
}

// Memory of idle sessions, measured before the scenarios (the heap after a scenario shrinks by more than idle
// sessions add, which gave negative figures): IdleSessions sessions with one connected, silent client each.
const int IdleSessions = 250;
await SignInAllAsync();
var idleBefore = platform.Memory().Rss;
var idleHeapBefore = await HeapDump.LiveBytesAsync(platform.Pid);
var idleSessions = await OpenSessionsAsync(IdleSessions);
var idleClients = new List<HubConnection>();
for (var i = 0; i < idleSessions.Count; i++)
{
    var token = contributors[i % contributors.Length];
    var c = new HubConnectionBuilder()
        .WithUrl(new Uri(platform.Url, "/hubs/mapping"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token)).Build();
    await c.StartAsync();
    await c.InvokeAsync<KerjaSama.Planning.Contracts.Live.JoinResult>("Join", idleSessions[i], 0L);
    idleClients.Add(c);
}

await Task.Delay(5000);
var idleAfter = platform.Memory().Rss;
var idleHeapAfter = await HeapDump.LiveBytesAsync(platform.Pid);
var idleHeapKb = idleHeapBefore is { } hb && idleHeapAfter is { } ha ? (ha - hb) / 1024.0 / IdleSessions : double.NaN;
var idleKb = (idleAfter - idleBefore) * 1024 / idleSessions.Count;
foreach (var c in idleClients)
    await c.DisposeAsync();

var results = new List<Result>();
var floorResults = new List<Result>();
Console.WriteLine(Result.Header);
foreach (var scenario in selected)
{
    foreach (var messagePack in protocols)
    {
        await SignInAllAsync();
        var sessions = await OpenSessionsAsync(scenario.Sessions + (scenario.FloodPerSecond > 0 ? 1 : 0));
        var onPlatform = await new Runner(platform, i => contributors[i % contributors.Length], messagePack, facilitatorToken, profiler)
            .RunAsync(scenario, "platform", sessions[..scenario.Sessions], sessions[^1]);
        Console.WriteLine(onPlatform.Row());
        // The baseline has no rate limit to show: it runs the scenario without the flooding client.
        var onBaseline = await new Runner(baseline, i => contributors[i % contributors.Length], messagePack).RunAsync(scenario, "raw SignalR",
            [.. Enumerable.Range(0, scenario.Sessions).Select(_ => Guid.NewGuid())]);
        Console.WriteLine(onBaseline.Row());
        results.Add(onPlatform);
        results.Add(onBaseline);
        foreach (var (name, floor) in floors)
        {
            var onFloor = await new Runner(floor, i => contributors[i % contributors.Length], messagePack).RunAsync(scenario, name,
                [.. Enumerable.Range(0, scenario.Sessions).Select(_ => Guid.NewGuid())]);
            Console.WriteLine(onFloor.Row());
            floorResults.Add(onFloor);
        }
    }
}

var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"# Live session benchmark, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores; platform on SQLite (WAL, synchronous=FULL), every edit committed before its ack.");
report.AppendLine(CultureInfo.InvariantCulture, $"Load average (1/5/15 min): {loadAtStart} at the start, {LoadAverage()} at the end (the load generator runs on the same machine).");
report.AppendLine(CultureInfo.InvariantCulture, $"Rerun: `bash build/bench.sh {string.Join(' ', args)}` (no arguments: every scenario, both protocols).");
if (platformOnly.Count > 0)
    report.AppendLine(CultureInfo.InvariantCulture, $"Platform process only (the baseline runs with the defaults): {string.Join(", ", platformOnly.Select(kv => $"`{kv.Key}={kv.Value}`"))}.");
if (floors.Count > 0)
{
    report.AppendLine("Steps between the raw hub and the platform (`--floors`, same clients and edits): `raw + grain` asks an Orleans grain per session (in the same process) " +
                      "for each edit's sequence number before it broadcasts; `raw + grain + SQLite` has that grain commit each edit first (WAL, synchronous=FULL, one transaction per edit). " +
                      "Neither validates, groups commits nor fans out through an observer.");
}

report.AppendLine();
report.AppendLine(Result.Header);
foreach (var r in results)
    report.AppendLine(r.Row());
foreach (var r in floorResults)
    report.AppendLine(r.Row());
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Idle session (one grain activation, its fan-out subscription and one silent connection), measured before the scenarios with {IdleSessions} sessions: live managed heap {idleHeapKb:0.0} KiB each (gcdump after a full GC); RSS {idleKb:0} KiB each (RSS {idleBefore:0} → {idleAfter:0} MiB, which the GC also moves).");
foreach (var pair in results.Chunk(2))
{
    var (p, b) = (pair[0], pair[1]);
    double P(Result r, double q) => Stats.Percentile(r.Delivery, q);
    report.AppendLine(CultureInfo.InvariantCulture,
        $"- {p.Scenario} ({p.Protocol}): p99 ratio platform/baseline = {P(p, 99) / P(b, 99):0.00} (target ≤ 2); p50 platform − baseline = {P(p, 50) - P(b, 50):0.0} ms (target ≤ 2); " +
        $"CPU per delivery ratio = {p.CpuPerDelivery / b.CpuPerDelivery:0.00} (target ≤ 2); delivery {100.0 * p.Received / Math.Max(1, p.Expected):0.00}%.");
    if (p.FloodLine() is { } flood)
        report.AppendLine(flood);
    foreach (var r in pair)
    {
        if (r.HeapLine() is { } heap)
            report.AppendLine(heap);
    }

    foreach (var f in floorResults.Where(f => f.Scenario == p.Scenario && f.Protocol == p.Protocol))
    {
        report.AppendLine(CultureInfo.InvariantCulture,
            $"  - step `{f.Target}`: p99 ratio to the raw hub = {P(f, 99) / P(b, 99):0.00}; p50 − raw = {P(f, 50) - P(b, 50):0.0} ms; CPU per delivery ratio = {f.CpuPerDelivery / b.CpuPerDelivery:0.00}; " +
            $"the platform against this step: p99 {P(p, 99) / P(f, 99):0.00}×, CPU {p.CpuPerDelivery / f.CpuPerDelivery:0.00}×; delivery {100.0 * f.Received / Math.Max(1, f.Expected):0.00}%.");
    }
}

Console.WriteLine();
Console.WriteLine(report);
var resultsDir = Environment.GetEnvironmentVariable("KERJASAMA_BENCH_RESULTS") ?? Path.Combine(Directory.GetCurrentDirectory(), "build", "bench", "results");
Directory.CreateDirectory(resultsDir);
var file = Path.Combine(resultsDir, $"live-sessions-{DateTimeOffset.UtcNow:yyyyMMdd-HHmm}.md");
await File.WriteAllTextAsync(file, report.ToString());
Console.WriteLine($"Written to {file}");
foreach (var (_, floor) in floors)
    await floor.DisposeAsync();
try
{
    Directory.Delete(dataDir, true);
}
catch (IOException)
{
}

return 0;
