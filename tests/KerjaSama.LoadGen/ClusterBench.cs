using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;

namespace KerjaSama.LoadGen;

/// <summary>
/// Load against a running cluster (build/cluster.sh): <c>throughput</c> runs the same closed-loop workload with every
/// client on the first host and then spread over all hosts; <c>kill</c> spreads the clients, kills one host (kill -9,
/// by its pid) mid-run and reports acknowledged edits lost, the time until every client converged, and reconnects;
/// <c>rolling</c> spreads the clients and restarts every host one at a time (<c>build/cluster.sh restart N</c>: graceful
/// stop, start, ready) while they edit, and reports acknowledged edits lost, per restart the time until every client
/// had caught up with the log once the host was back, and reconnects.
/// Usage: LoadGen cluster --hosts URL,URL,URL [--pids build/.cluster/hosts.pids] [--sessions 4] [--clients 6]
/// [--seconds 20] [--cluster-script build/cluster.sh] [throughput] [kill] [rolling]
/// </summary>
internal static class ClusterBench
{
    private const string DemoPassword = "Kerjasama-Demo-2025!";
    private static readonly string[] Contributors =
        ["dinkes@kerjasama.test", "pupr@kerjasama.test", "bapperida@kerjasama.test", "palangkaraya@kerjasama.test", "kalsel@kerjasama.test"];

    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var hosts = Option("--hosts", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u)).ToArray();
        if (hosts.Length < 2)
            throw new InvalidOperationException("Give at least two host URLs: --hosts http://127.0.0.1:5081,http://127.0.0.1:5082");
        var pidFile = Option("--pids", "build/.cluster/hosts.pids");
        var sessions = int.Parse(Option("--sessions", "4"), CultureInfo.InvariantCulture);
        var clients = int.Parse(Option("--clients", "6"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(Option("--seconds", "20"), CultureInfo.InvariantCulture);
        var script = Option("--cluster-script", "build/cluster.sh");
        var selected = args.Where(a => a is "throughput" or "kill" or "rolling").ToHashSet();
        if (selected.Count == 0)
            selected = ["throughput", "kill"];

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Cluster benchmark, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores shared by every host, Redis, PostgreSQL and this load generator. " +
            $"{hosts.Length} hosts; {sessions} sessions × {clients} clients, each client submitting its next edit when the previous one is acknowledged, {seconds} s.");
        report.AppendLine();
        if (selected.Contains("throughput"))
        {
            report.AppendLine("| target | clients | edits acknowledged | edits/s | ack p50 / p99 ms | convergence after the last ack s |");
            report.AppendLine("|---|---|---|---|---|---|");
            var single = await RunLoadAsync(hosts, [hosts[0]], sessions, clients, seconds, kill: null, rollingScript: null);
            report.AppendLine(single.Row("single host (all clients on host 1)"));
            Console.WriteLine(single.Row("single host"));
            var spread = await RunLoadAsync(hosts, hosts, sessions, clients, seconds, kill: null, rollingScript: null);
            report.AppendLine(spread.Row($"cluster (clients spread over {hosts.Length} hosts)"));
            Console.WriteLine(spread.Row("cluster"));
            report.AppendLine();
        }

        if (selected.Contains("kill"))
        {
            var lines = await File.ReadAllLinesAsync(pidFile);
            // The first host: the sessions are opened through it, so their matrix grains most likely live there.
            var victim = lines.Select(l => l.Split(' ')).First(l => l.Length == 2);
            var victimUrl = new Uri(victim[1]);
            var kill = await RunLoadAsync(hosts, hosts, sessions, clients, seconds,
                (int.Parse(victim[0], CultureInfo.InvariantCulture), victimUrl, TimeSpan.FromSeconds(seconds / 3.0)), rollingScript: null);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"Kill scenario: host {victimUrl} killed (kill -9) {seconds / 3.0:0.0} s into the run. Edits acknowledged: {kill.Acked} " +
                $"({kill.OnVictim} clients were on the killed host). **Acknowledged edits lost: {kill.Lost}.** Every client converged to the stored rows " +
                $"{kill.ConvergedAfterKill.TotalSeconds:0.0} s after the kill; reconnects: {kill.Reconnects}; longest wait for one ack across the failover: {kill.MaxAckMs / 1000:0.0} s.");
            Console.WriteLine(report.ToString().Split('\n')[^2]);
            if (kill.Lost > 0)
                Console.Error.WriteLine("ACKNOWLEDGED EDITS WERE LOST");
        }

        if (selected.Contains("rolling"))
        {
            var rolling = await RunLoadAsync(hosts, hosts, sessions, clients, seconds, kill: null, rollingScript: script);
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"Rolling restart: every host stopped gracefully (SIGTERM), started again and ready before the next, {seconds / 4.0:0.0} s into the run, " +
                $"{rolling.Clients} clients editing throughout ({rolling.Seconds:0} s). Edits acknowledged: {rolling.Acked}. " +
                $"**Acknowledged edits lost: {rolling.Lost}.** Reconnects: {rolling.Reconnects}; longest wait for one ack: {rolling.MaxAckMs / 1000:0.0} s.");
            report.AppendLine();
            report.AppendLine("| host | stopped and ready again after s | every client caught up with the log s after ready |");
            report.AppendLine("|---|---|---|");
            foreach (var line in rolling.Restarts)
                report.AppendLine(line);
            Console.WriteLine(report.ToString().Split('\n')[^2]);
            if (rolling.Lost > 0)
                Console.Error.WriteLine("ACKNOWLEDGED EDITS WERE LOST");
        }

        Console.WriteLine();
        Console.WriteLine(report);
        var resultsDir = Environment.GetEnvironmentVariable("KERJASAMA_BENCH_RESULTS") ?? Path.Combine(Directory.GetCurrentDirectory(), "build", "bench", "results");
        Directory.CreateDirectory(resultsDir);
        var file = Path.Combine(resultsDir, $"cluster-{DateTimeOffset.UtcNow:yyyyMMdd-HHmm}.md");
        await File.WriteAllTextAsync(file, report.ToString());
        Console.WriteLine($"Written to {file}");
        return 0;
    }

    private sealed record LoadResult(int Clients, long Acked, double Seconds, List<double> AckMs, TimeSpan Convergence, long Lost, TimeSpan ConvergedAfterKill,
        int Reconnects, int OnVictim, List<string> Restarts)
    {
        public double MaxAckMs => AckMs.Count == 0 ? 0 : AckMs[^1];

        public string Row(string target) => string.Create(CultureInfo.InvariantCulture,
            $"| {target} | {Clients} | {Acked} | {Acked / Seconds:0} | {Stats.Ms(Stats.Percentile(AckMs, 50))} / {Stats.Ms(Stats.Percentile(AckMs, 99))} | {Convergence.TotalSeconds:0.0} |");
    }

    private static async Task<LoadResult> RunLoadAsync(Uri[] hosts, Uri[] targets, int sessionCount, int clientsPerSession, int seconds,
        (int Pid, Uri Url, TimeSpan After)? kill, string? rollingScript)
    {
        var first = hosts[0];
        var admin = await SignInAsync(first, "admin@kerjasama.test");
        var facilitator = await SignInAsync(first, "fasilitator@kerjasama.test");
        var tokens = await Task.WhenAll(Contributors.Select(c => SignInAsync(first, c)));
        using var http = Client(first, facilitator);
        using var adminHttp = Client(first, admin);
        var invited = await InvitedAsync(adminHttp);
        var sessions = new List<(Guid ExerciseId, Guid SessionId)>();
        for (var s = 0; s < sessionCount; s++)
        {
            var created = await adminHttp.PostAsJsonAsync("/api/planning/exercises", new
            {
                regionCode = "62", title = $"Beban klaster {Guid.NewGuid():N}", periodKind = "RPJMD", startYear = 2025, invitedOrganisationIds = invited,
            });
            var exerciseId = JsonDocument.Parse(await created.EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
            var session = await (await http.PostAsync($"/api/planning/exercises/{exerciseId}/sessions", null)).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
            sessions.Add((exerciseId, JsonDocument.Parse(session).RootElement.GetProperty("sessionId").GetGuid()));
        }

        Uri Next(Uri current) => hosts[(Array.IndexOf(hosts, current) + 1) % hosts.Length];
        var participants = new List<(ReconnectingLiveClient P, int Session, Guid Row)>();
        var total = sessionCount * clientsPerSession;
        for (var i = 0; i < total; i++)
        {
            var session = i % sessionCount;
            var p = new ReconnectingLiveClient($"client {i}", tokens[i % tokens.Length], sessions[session].SessionId);
            await p.ConnectAsync(targets[i % targets.Length]);
            var row = Guid.NewGuid();
            await p.SubmitAsync(OpKinds.Add, row, new() { [MatrixFieldNames.AffairCode] = "1.02" }, Next, DateTime.UtcNow.AddSeconds(60));
            participants.Add((p, session, row));
        }

        var onVictim = kill is { } k ? participants.Count(x => x.P.Host == k.Url) : 0;
        var ackMs = new List<double>();
        var stop = Stopwatch.StartNew();
        var restarts = new List<string>();
        var disruption = rollingScript is null
            ? Task.CompletedTask
            : Task.Run(() => RollingRestartAsync(rollingScript, hosts, sessions, participants, TimeSpan.FromSeconds(seconds / 4.0), restarts));
        var loops = participants.Select(x => Task.Run(async () =>
        {
            var n = 0;
            while (stop.Elapsed.TotalSeconds < seconds || !disruption.IsCompleted)
            {
                var started = Stopwatch.GetTimestamp();
                await x.P.SubmitAsync(OpKinds.Update, x.Row, new() { [MatrixFieldNames.Notes] = $"catatan {n++}" }, Next, DateTime.UtcNow.AddSeconds(120));
                lock (ackMs)
                    ackMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })).ToList();

        var killed = Stopwatch.StartNew();
        if (kill is { } victim)
        {
            await Task.Delay(victim.After);
            if (!hosts.Contains(victim.Url))
                throw new InvalidOperationException($"{victim.Url} (from the pid file) is not one of --hosts.");
            using (var process = Process.GetProcessById(victim.Pid))
                process.Kill(entireProcessTree: true);
            killed.Restart();
            Console.WriteLine($"  killed {victim.Url} (pid {victim.Pid}) at {stop.Elapsed.TotalSeconds:0.0} s");
        }

        await Task.WhenAll(loops);
        await disruption;
        var elapsed = stop.Elapsed.TotalSeconds;
        var lastAck = Stopwatch.StartNew();

        // Converged: every client has every op of the log, and its rows equal the stored rows.
        var survivor = hosts.First(h => kill is null || h != kill.Value.Url);
        using var reader = Client(survivor, facilitator);
        long lost = 0;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        foreach (var (exerciseId, _) in sessions)
        {
            var index = sessions.FindIndex(s => s.ExerciseId == exerciseId);
            var log = await OpLogAsync(reader, exerciseId);
            var mine = participants.Where(x => x.Session == index).ToList();
            foreach (var x in mine)
            {
                lost += x.P.Acknowledged.Count(a => !log.TryGetValue(a.Value, out var logged) || logged != a.Key);
                await x.P.WaitForSeqAsync(log.Count, deadline);
            }
        }

        var convergence = lastAck.Elapsed;
        var afterKill = killed.Elapsed;
        foreach (var (exerciseId, _) in sessions)
        {
            var index = sessions.FindIndex(s => s.ExerciseId == exerciseId);
            var stored = await StoredRowsAsync(reader, exerciseId);
            foreach (var x in participants.Where(x => x.Session == index))
            {
                var rows = x.P.RowsNow();
                if (rows.Count != stored.Count || rows.Any(r => !stored.TryGetValue(r.Key, out var s) || !s.OrderBy(f => f.Key).SequenceEqual(r.Value.OrderBy(f => f.Key))))
                    throw new InvalidOperationException($"{x.P.Name} did not converge to the stored rows.");
            }
        }

        var acked = participants.Sum(x => (long)x.P.Acknowledged.Count);
        var reconnects = participants.Sum(x => x.P.Reconnects);
        foreach (var x in participants)
            await x.P.DisposeAsync();
        ackMs.Sort();
        return new LoadResult(total, acked, elapsed, ackMs, convergence, lost, afterKill, reconnects, onVictim, restarts);
    }

    /// <summary>
    /// Restarts every host in turn through the cluster script; after each, waits until every client has every op the
    /// log held when the host was back, and notes both times.
    /// </summary>
    private static async Task RollingRestartAsync(string script, Uri[] hosts, List<(Guid ExerciseId, Guid SessionId)> sessions,
        List<(ReconnectingLiveClient P, int Session, Guid Row)> participants, TimeSpan after, List<string> restarts)
    {
        await Task.Delay(after);
        for (var i = 0; i < hosts.Length; i++)
        {
            var watch = Stopwatch.StartNew();
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add("restart");
            start.ArgumentList.Add(i.ToString(CultureInfo.InvariantCulture));
            using (var process = Process.Start(start)!)
            {
                var said = process.StandardOutput.ReadToEndAsync();
                var complained = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                Console.WriteLine($"  {(await said).Trim()}");
                if (process.ExitCode != 0)
                    throw new InvalidOperationException($"{script} restart {i} failed: {await complained}");
            }

            var ready = watch.Elapsed;
            var deadline = DateTime.UtcNow.AddSeconds(120);
            for (var s = 0; s < sessions.Count; s++)
            {
                // Every op acknowledged in the session by the time the host was back.
                var head = participants.Where(x => x.Session == s).Max(x => x.P.Acknowledged.Values.DefaultIfEmpty(0).Max());
                foreach (var x in participants.Where(x => x.Session == s))
                    await x.P.WaitForSeqAsync(head, deadline);
            }

            var caughtUp = watch.Elapsed - ready;
            lock (restarts)
                restarts.Add(string.Create(CultureInfo.InvariantCulture, $"| {hosts[i]} | {ready.TotalSeconds:0.0} | {caughtUp.TotalSeconds:0.0} |"));
            Console.WriteLine($"  host {i} ({hosts[i]}): ready again after {ready.TotalSeconds:0.0} s, every client caught up {caughtUp.TotalSeconds:0.0} s later");
        }
    }

    private static async Task<Guid[]> InvitedAsync(HttpClient http)
    {
        var agencies = JsonDocument.Parse(await http.GetStringAsync("/api/registry/organisations?kind=agency&region=62&pageSize=100")).RootElement
            .GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid());
        var partners = new List<Guid>();
        foreach (var region in new[] { "62.71", "63" })
        {
            partners.Add(JsonDocument.Parse(await http.GetStringAsync($"/api/registry/organisations?region={region}&kind=government")).RootElement
                .GetProperty("items")[0].GetProperty("id").GetGuid());
        }

        return [.. agencies.Concat(partners)];
    }

    private static async Task<string> SignInAsync(Uri host, string userName)
    {
        using var browser = new BrowserSession(host);
        var tokens = await browser.SignInAsync(userName, DemoPassword, "kerjasama-cli");
        return tokens.GetProperty("access_token").GetString()!;
    }

    private static HttpClient Client(Uri host, string token)
    {
        var client = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<Dictionary<long, Guid>> OpLogAsync(HttpClient client, Guid exerciseId)
    {
        var log = new Dictionary<long, Guid>();
        while (true)
        {
            var page = JsonDocument.Parse(await client.GetStringAsync($"/api/planning/exercises/{exerciseId}/ops?afterSeq={log.Count}&pageSize=100")).RootElement;
            var items = page.GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 0)
                return log;
            foreach (var item in items)
                log[item.GetProperty("seq").GetInt64()] = item.GetProperty("opId").GetGuid();
        }
    }

    private static async Task<Dictionary<Guid, Dictionary<string, string>>> StoredRowsAsync(HttpClient client, Guid exerciseId)
    {
        var rows = JsonDocument.Parse(await client.GetStringAsync($"/api/planning/exercises/{exerciseId}/rows")).RootElement;
        return rows.EnumerateArray().ToDictionary(r => r.GetProperty("rowId").GetGuid(),
            r => r.GetProperty("fields").EnumerateObject().ToDictionary(f => f.Name, f => LiveSessionClient.Text(f.Value)));
    }
}
