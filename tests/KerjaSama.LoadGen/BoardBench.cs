using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using KerjaSama.TestKit.Browser;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.LoadGen;

/// <summary>
/// "Fluid with 300 rows and 40 people": the real host (SQLite, its own process), one live session seeded with
/// <c>--rows</c> rows across affairs, <c>--people</c> − 1 scripted participants (the .NET SignalR client) each editing
/// one of its organisation's rows every 2–5 s, and one real board page in chromium whose person edits a cell with
/// the keyboard every few seconds. Measures the board's time to interactive with all rows, the time from a remote
/// edit's ack to its text on the board, the local Enter-to-confirmed latency, the browser's main-thread load, frame
/// gaps and heap after the run, and the server's CPU and memory.
/// Usage: bash build/bench.sh board [--rows 300] [--people 40] [--seconds 60]
/// </summary>
internal static class BoardBench
{
    private const string Password = "Bangku-Papan-2026!";

    // Marks the board page: text changes carrying "#bx<id>x" are time-stamped (Date.now) as they reach the DOM (rows
    // in or near the viewport: the grid is virtualised); window.__boardRendered (filled by the board itself) has, per
    // applied op's sequence, when the frame that drew it ran, for every op including rows outside the viewport;
    // frame gaps (requestAnimationFrame) and long tasks (PerformanceObserver) are collected; armLocal times one
    // keyboard edit from its Enter to the cell showing the confirmed (no longer pending) value.
    private const string Instrumentation = """
        (() => {
          const b = window.__bench = { seen: {}, frames: [], longTasks: [], local: [], armed: null };
          window.__boardRendered = {};
          const scan = text => { if (!text || text.indexOf('#bx') < 0) return; const now = Date.now();
            for (const m of text.matchAll(/#bx(\d+)x/g)) if (!(m[1] in b.seen)) b.seen[m[1]] = now; };
          const check = () => { const a = b.armed; if (!a || a.t0 === null) return; const cell = document.getElementById(a.cell);
            if (cell && !cell.classList.contains('pending') && !cell.querySelector('[data-testid=editor]')
                && (cell.querySelector('[data-testid=value]')?.textContent ?? '') === a.value) {
              b.local.push(performance.now() - a.t0); b.armed = null; } };
          new MutationObserver(list => { for (const m of list) {
              if (m.type === 'characterData') scan(m.target.data);
              else for (const n of m.addedNodes) scan(n.textContent); }
            check(); })
            .observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
          document.addEventListener('keydown', e => { if (e.key === 'Enter' && b.armed && b.armed.t0 === null && e.target?.dataset?.testid === 'editor')
            b.armed.t0 = performance.now(); }, true);
          b.armLocal = (cell, value) => { b.armed = { cell, value, t0: null }; };
          let last = performance.now();
          const frame = t => { b.frames.push(t - last); last = t; requestAnimationFrame(frame); };
          requestAnimationFrame(frame);
          try { new PerformanceObserver(l => { for (const e of l.getEntries()) b.longTasks.push(e.duration); })
            .observe({ type: 'longtask', buffered: false }); } catch { }
        })()
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var rowCount = int.Parse(Option("--rows", "300"), CultureInfo.InvariantCulture);
        var people = int.Parse(Option("--people", "40"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(Option("--seconds", "60"), CultureInfo.InvariantCulture);
        var label = Option("--label", "");
        var hostDll = Environment.GetEnvironmentVariable("KERJASAMA_HOST_DLL") ?? throw new InvalidOperationException("Set KERJASAMA_HOST_DLL.");
        var dataDir = Path.Combine(Path.GetTempPath(), "kerjasama-board-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var hostPort = FreePort.Next();
        Console.WriteLine($"Board benchmark: {rowCount} rows, {people} people ({people - 1} scripted + 1 chromium board), {seconds} s.");
        await using var platform = HostProcess.Start("platform", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["KerjaSama__Identity__SignInRequestsPerMinute"] = "100000",
            ["KerjaSama__Identity__AllowHttpOnLoopback"] = "true",
            ["KerjaSama__DataDirectory"] = dataDir,
            ["KerjaSama__Logging__Json"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        }, httpPort: hostPort, dll: hostDll, echo: line => Console.Error.WriteLine("  [server] " + line));
        await platform.WaitReadyAsync(TimeSpan.FromSeconds(90));

        try
        {
            return await RunAgainstAsync(platform, rowCount, people, seconds, label);
        }
        finally
        {
            try
            {
                Directory.Delete(dataDir, true);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed record Person(string UserName, Guid OrganisationId, string Token);

    private static async Task<int> RunAgainstAsync(HostProcess platform, int rowCount, int people, int seconds, string label)
    {
        using var http = new HttpClient { BaseAddress = platform.Url, Timeout = TimeSpan.FromSeconds(60) };
        async Task<string> TokenAsync(string userName, string password)
        {
            using var session = new BrowserSession(platform.Url);
            return (await session.SignInAsync(userName, password, "kerjasama-cli")).GetProperty("access_token").GetString()!;
        }

        var admin = await TokenAsync("admin@kerjasama.test", "Kerjasama-Demo-2025!");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        var agencies = JsonDocument.Parse(await http.GetStringAsync("/api/registry/organisations?kind=agency&region=62&pageSize=100")).RootElement
            .GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToList();
        var kalsel = JsonDocument.Parse(await http.GetStringAsync("/api/registry/organisations?kind=government&region=63")).RootElement
            .GetProperty("items")[0].GetProperty("id").GetGuid();
        var affairs = JsonDocument.Parse(await http.GetStringAsync("/api/registry/affairs")).RootElement.EnumerateArray()
            .Where(a => a.GetProperty("cooperable").GetBoolean() && a.GetProperty("levels").EnumerateArray().Any(l => l.GetString() == "provinsi"))
            .Select(a => a.GetProperty("code").GetString()!).Take(15).ToArray();

        // The people: one user each, spread over the agencies (several people per agency, as in a real meeting).
        var organisations = agencies.Take(Math.Max(1, Math.Min(agencies.Count, (people + 3) / 4))).ToList();
        var persons = new List<Person>();
        for (var i = 0; i < people; i++)
        {
            var userName = $"papan{i:00}.{Guid.NewGuid():N}"[..20] + "@bench.kerjasama";
            var organisationId = organisations[i % organisations.Count];
            var created = await http.PostAsJsonAsync("/api/identity/users", new
            {
                userName, displayName = $"Peserta {i + 1:00}", password = Password, organisationId, role = "agency_contributor",
            });
            if (!created.IsSuccessStatusCode)
                throw new InvalidOperationException($"creating {userName}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            persons.Add(new Person(userName, organisationId, await TokenAsync(userName, Password)));
        }

        var facilitator = await TokenAsync("fasilitator@kerjasama.test", "Kerjasama-Demo-2025!");
        var exercise = await (await http.PostAsJsonAsync("/api/planning/exercises", new
        {
            regionCode = "62", title = $"Papan {rowCount} baris", periodKind = "RPJMD", startYear = 2025,
            invitedOrganisationIds = agencies.Append(kalsel).ToArray(),
        })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var exerciseId = exercise.GetProperty("id").GetGuid();
        using var facilitatorHttp = new HttpClient { BaseAddress = platform.Url };
        facilitatorHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", facilitator);
        var sessionId = (await (await facilitatorHttp.PostAsync($"/api/planning/exercises/{exerciseId}/sessions", null))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionId").GetGuid();

        // The scripted participants (everyone but the last person, who uses the board in chromium).
        var seen = new ConcurrentDictionary<long, double>();
        var scripted = new List<(HubConnection Hub, Person Person, List<Guid> Rows)>();
        foreach (var person in persons.Take(people - 1))
        {
            var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(platform.Url, "/hubs/mapping"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(person.Token)).Build();
            await hub.StartAsync();
            await hub.InvokeAsync<JoinResult>("Join", sessionId, 0L);
            scripted.Add((hub, person, []));
        }

        // Seed: rowCount rows across the affairs, added by the participants (so each owns some rows).
        var seedWatch = Stopwatch.StartNew();
        for (var i = 0; i < rowCount; i++)
        {
            var (hub, _, rows) = scripted[i % scripted.Count];
            var rowId = Guid.NewGuid();
            var ack = await hub.InvokeAsync<Ack>("Submit", new SubmitOp
            {
                SessionId = sessionId, OpId = Guid.NewGuid(), Kind = OpKinds.Add, RowId = rowId, Fields = new Dictionary<string, object?>
                {
                    [F.AffairCode] = affairs[i % affairs.Length], [F.Potential] = $"Potensi kerja sama {i + 1}", [F.CooperationType] = "KSDD-wajib",
                    [F.PartnerRegionCodes] = new[] { "63" }, [F.StartYear] = 2026, [F.DurationYears] = 1 + (i % 5),
                },
            });
            if (ack.Outcome != AckOutcomes.Applied)
                throw new InvalidOperationException($"seeding row {i}: {ack.Outcome} {ack.Error?.Code} {ack.Error?.Message}");
            rows.Add(rowId);
        }

        Console.WriteLine($"Seeded {rowCount} rows in {seedWatch.Elapsed.TotalSeconds:0.0} s; {scripted.Count} scripted participants joined.");

        // The real board: the last person signs in through the form and opens the board.
        var me = persons[^1];
        // The board's person edits a row of its organisation that no scripted participant touches during the run.
        var owner = scripted.First(s => s.Person.OrganisationId == me.OrganisationId);
        var myRow = owner.Rows[0];
        owner.Rows.RemoveAt(0);
        await using var chromium = await Chromium.LaunchAsync();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.Url.ToString(), ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "id",
        });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        var boardPath = $"/planning/sessions/{sessionId}/board";
        await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(boardPath));
        var load = Stopwatch.StartNew();
        await SignInForm.SubmitAsync(page, me.UserName, Password);
        await BoardReadyAsync(page, rowCount);
        var firstLoad = load.Elapsed;

        var second = await context.NewPageAsync();
        await page.CloseAsync();
        page = second;
        var network = await FrameworkRequests.WatchAsync(context, page);
        load.Restart();
        await page.GotoAsync(boardPath);
        await BoardReadyAsync(page, rowCount);
        var secondLoad = load.Elapsed;
        var cache = network.Summary();
        Console.WriteLine($"Board interactive with {rowCount} rows: first load {firstLoad.TotalSeconds:0.00} s (sign-in included), second {secondLoad.TotalSeconds:0.00} s.");

        context.SetDefaultTimeout(20_000);
        await page.EvaluateAsync(Instrumentation);
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");
        var metricsBefore = await MetricsAsync(cdp);
        var cpuBefore = platform.CpuSeconds();
        var rssBefore = platform.Memory().Rss;

        // The run: every scripted participant edits one of its rows every 2–5 s; the board's person edits with the keyboard.
        var acks = new ConcurrentDictionary<long, double>();
        var ackSeqs = new ConcurrentDictionary<long, long>();
        var ackLatency = new ConcurrentBag<double>();
        long nextId = 0, rejected = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var loops = scripted.Select(async (s, index) =>
        {
            var random = new Random(index);
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 3000)));
            while (!stop.IsCancellationRequested)
            {
                var id = Interlocked.Increment(ref nextId);
                var row = s.Rows[random.Next(s.Rows.Count)];
                var sent = Stopwatch.GetTimestamp();
                var ack = await s.Hub.InvokeAsync<Ack>("Submit", new SubmitOp
                {
                    SessionId = sessionId, OpId = Guid.NewGuid(), Kind = OpKinds.Update, RowId = row,
                    Fields = new Dictionary<string, object?> { [F.Potential] = $"Potensi diperbarui {id} #bx{id}x" },
                });
                var ackedAt = UnixMs();
                ackLatency.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (ack.Outcome == AckOutcomes.Applied)
                {
                    acks[id] = ackedAt;
                    ackSeqs[id] = ack.Seq;
                }
                else
                    Interlocked.Increment(ref rejected);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(random.Next(2000, 5000)), stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }).ToList();

        // The board's own row is brought into the viewport once (the grid draws only the rows in view).
        await page.EvaluateAsync("id => window.kerjaSamaBoard.reveal(id)", myRow.ToString());
        var local = new List<double>();
        var localFailures = 0;
        var edit = 0;
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(3000);
            if (stop.IsCancellationRequested)
                break;
            var value = $"Potensi diketik di papan {++edit}";
            var cellId = $"c-{myRow:N}-{F.Potential}";
            var cell = page.Locator($"[id='{cellId}']");
            try
            {
                await cell.ScrollIntoViewIfNeededAsync();
                await cell.FocusAsync();
                await cell.PressAsync("Enter");
                var editor = cell.Locator("[data-testid=editor]");
                await editor.FillAsync(value);
                await page.EvaluateAsync("([c, v]) => window.__bench.armLocal(c, v)", new object[] { cellId, value });
                var before = await page.EvaluateAsync<int>("() => window.__bench.local.length");
                await editor.PressAsync("Enter");
                await page.WaitForFunctionAsync($"() => window.__bench.local.length > {before}", null, new() { Timeout = 20_000 });
                local.Add(await page.EvaluateAsync<double>("() => window.__bench.local[window.__bench.local.length - 1]"));
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                localFailures++;
                Console.WriteLine($"  local edit {edit} failed: {ex.Message.Split('\n')[0]}");
            }
        }

        await Task.WhenAll(loops);
        await Task.Delay(3000); // the last remote edits reach the board
        var elapsed = seconds + 3.0;
        var cpu = platform.CpuSeconds() - cpuBefore;
        var (rss, peak) = platform.Memory();
        var metricsAfter = await MetricsAsync(cdp);
        foreach (var entry in await page.EvaluateAsync<double[][]>("() => Object.entries(window.__bench.seen).map(([k, v]) => [Number(k), v])"))
            seen[(long)entry[0]] = entry[1];
        var frames = (await page.EvaluateAsync<double[]>("() => window.__bench.frames")).ToList();
        var longTasks = (await page.EvaluateAsync<double[]>("() => window.__bench.longTasks")).ToList();
        var wasmMb = await page.EvaluateAsync<double>(
            "() => { try { const r = globalThis.getDotnetRuntime && globalThis.getDotnetRuntime(0); return r ? r.Module.HEAPU8.length / 1048576 : -1; } catch { return -1; } }");
        var rendered = (await page.EvaluateAsync<double[][]>("() => Object.entries(window.__boardRendered || {}).map(([k, v]) => [Number(k), v])"))
            .ToDictionary(e => (long)e[0], e => e[1]);
        var domRows = await page.Locator("tr.row").CountAsync();
        var screenshot = Path.Combine(Directory.GetCurrentDirectory(), "build", ".work", "artifacts", $"board-{rowCount}-rows.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });

        var delays = acks.Where(a => seen.ContainsKey(a.Key)).Select(a => seen[a.Key] - a.Value).Order().ToList();
        var missing = acks.Count(a => !seen.ContainsKey(a.Key));
        // Every acked remote edit by the frame that drew it (the board's hook, in view or not).
        var drawn = acks.Where(a => ackSeqs.TryGetValue(a.Key, out var q) && rendered.ContainsKey(q))
            .Select(a => Math.Max(0, rendered[ackSeqs[a.Key]] - a.Value)).Order().ToList();
        var notDrawn = acks.Count - drawn.Count;
        var acked = ackLatency.Order().ToList();
        local.Sort();
        frames.Sort();
        double Metric(Dictionary<string, double> m, string name) => m.GetValueOrDefault(name);
        var busy = Metric(metricsAfter, "TaskDuration") - Metric(metricsBefore, "TaskDuration");
        var script = Metric(metricsAfter, "ScriptDuration") - Metric(metricsBefore, "ScriptDuration");
        var layout = Metric(metricsAfter, "LayoutDuration") + Metric(metricsAfter, "RecalcStyleDuration")
                     - Metric(metricsBefore, "LayoutDuration") - Metric(metricsBefore, "RecalcStyleDuration");
        var heapMb = Metric(metricsAfter, "JSHeapUsedSize") / 1048576;
        var heapTotalMb = Metric(metricsAfter, "JSHeapTotalSize") / 1048576;
        var editsPerSecond = acks.Count / (double)seconds;
        string P(List<double> v, double p) => Stats.Ms(Stats.Percentile(v, p));

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Board benchmark{(label.Length > 0 ? $" ({label})" : "")}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, load average at the end {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; host on SQLite in its own process; chromium headless.");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Rerun: `bash build/bench.sh board --rows {rowCount} --people {people} --seconds {seconds}`.");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Workload: {rowCount} rows in {affairs.Length} affairs; {scripted.Count} scripted participants (SignalR .NET client) each editing one of its rows every 2–5 s "
            + $"({acks.Count} edits applied, {editsPerSecond:0.0}/s, {rejected} rejected); one person on the board in chromium editing a cell with the keyboard every 3 s; {seconds} s.");
        report.AppendLine();
        report.AppendLine("| Measure | Value |");
        report.AppendLine("|---|---|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Board time to interactive, first load (sign-in form submitted → {rowCount} rows shown, joined) | {firstLoad.TotalMilliseconds:0} ms |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Board time to interactive, second load (new tab, same browser) | {secondLoad.TotalMilliseconds:0} ms |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Second load, the board's files (`_content/KerjaSama.Planning/`, `_framework/`): from the browser cache / revalidated (304) / downloaded | {cache} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Remote edit: its ack at the author → the board's frame that drew it (every edit, in view or not), p50 / p95 / max | {P(drawn, 50)} / {P(drawn, 95)} / {P(drawn, 100)} ms |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Every remote edit shown: acked / drawn by the board | {acks.Count} / {drawn.Count} ({notDrawn} not drawn) |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Remote edit: its ack at the author → its text in the DOM (rows in or near the viewport only), p50 / p95 / max | {P(delays, 50)} / {P(delays, 95)} / {P(delays, 100)} ms ({delays.Count} seen in the DOM; {missing} were off-screen or not seen) |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Remote edit: submit → ack at the scripted client, p50 / p95 | {P(acked, 50)} / {P(acked, 95)} ms |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Local edit on the board: Enter → confirmed value shown, p50 / p95 / max | {P(local, 50)} / {P(local, 95)} / {P(local, 100)} ms ({local.Count} edits, {localFailures} failed) |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Browser main thread busy during the run (tasks / script / style+layout) | {100 * busy / elapsed:0.0}% / {100 * script / elapsed:0.0}% / {100 * layout / elapsed:0.0}% |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Frame interval p50 / p95 / max; long tasks (> 50 ms) | {P(frames, 50)} / {P(frames, 95)} / {P(frames, 100)} ms; {longTasks.Count}, {longTasks.Sum():0} ms in all |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| JS heap after {seconds} s (used / total); WebAssembly memory | {heapMb:0.0} / {heapTotalMb:0.0} MiB; {(wasmMb < 0 ? "none (no .NET runtime in the page)" : $"{wasmMb:0} MiB")} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Rows in the board's DOM at the end (virtualised) / in its model | {domRows} / {rowCount} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Server CPU during the run | {cpu:0.0} s = {100 * cpu / elapsed:0}% of one core |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Server memory (RSS before the run → after; peak) | {rssBefore:0} → {rss:0} MiB; {peak:0} MiB |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Screenshot: `{Path.GetRelativePath(Directory.GetCurrentDirectory(), screenshot)}`.");

        Console.WriteLine();
        Console.WriteLine(report);
        var file = Path.Combine(ResultsDir(), $"board-{DateTimeOffset.UtcNow:yyyyMMdd-HHmm}{(label.Length > 0 ? "-" + label : "")}.md");
        await File.WriteAllTextAsync(file, report.ToString());
        Console.WriteLine($"Written to {file}");
        foreach (var (hub, _, _) in scripted)
            await hub.DisposeAsync();
        await context.DisposeAsync();
        return 0;
    }

    /// <summary>Counts how the board's files (its bundle and style, any <c>_framework/</c> file) were obtained (Chrome DevTools protocol, Network domain).</summary>
    private sealed class FrameworkRequests
    {
        private readonly ConcurrentDictionary<string, string> _urls = new();
        private readonly ConcurrentDictionary<string, string> _outcomes = new();

        public static async Task<FrameworkRequests> WatchAsync(IBrowserContext context, IPage page)
        {
            var watch = new FrameworkRequests();
            var cdp = await context.NewCDPSessionAsync(page);
            cdp.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
            {
                if (e is { } ev && ev.GetProperty("request").GetProperty("url").GetString() is { } url
                    && (url.Contains("/_framework/", StringComparison.Ordinal) || url.Contains("/_content/KerjaSama.Planning/", StringComparison.Ordinal)))
                    watch._urls[ev.GetProperty("requestId").GetString()!] = url;
            };
            // Only requests that reached the server get the raw network response (ExtraInfo): 304 when revalidated.
            cdp.Event("Network.responseReceivedExtraInfo").OnEvent += (_, e) =>
            {
                if (e is { } ev)
                    watch._outcomes[ev.GetProperty("requestId").GetString()!] = ev.GetProperty("statusCode").GetInt32() == 304 ? "304" : "200";
            };
            await cdp.SendAsync("Network.enable");
            return watch;
        }

        public string Summary()
        {
            var outcomes = _urls.Keys.Select(id => _outcomes.GetValueOrDefault(id, "cache")).ToList();
            var fetched = _urls.Where(u => _outcomes.ContainsKey(u.Key)).Select(u => $"{u.Value[(u.Value.LastIndexOf('/') + 1)..]} {_outcomes[u.Key]}")
                .Order(StringComparer.Ordinal).ToList();
            return $"{outcomes.Count(o => o == "cache")} / {outcomes.Count(o => o == "304")} / {outcomes.Count(o => o == "200")} of {outcomes.Count}"
                   + (fetched.Count is > 0 and <= 8 ? $" (to the server: {string.Join(", ", fetched)})" : "");
        }
    }

    private static async Task BoardReadyAsync(IPage page, int rows)
    {
        await Assertions.Expect(page.Locator("[data-testid=board][data-ready=true]")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("[data-testid=connection]")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 60_000 });
        // The grid is virtualised: every row is in the board's model, the first ones in the DOM.
        await page.WaitForFunctionAsync("n => window.kerjaSamaBoard && Object.keys(window.kerjaSamaBoard.snapshot().rows).length >= n", rows,
            new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("tr.row").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }

    private static async Task<Dictionary<string, double>> MetricsAsync(ICDPSession cdp)
    {
        var result = await cdp.SendAsync("Performance.getMetrics");
        return result!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
    }

    private static double UnixMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private static string ResultsDir()
    {
        var dir = Environment.GetEnvironmentVariable("KERJASAMA_BENCH_RESULTS") ?? Path.Combine(Directory.GetCurrentDirectory(), "build", "bench", "results");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
