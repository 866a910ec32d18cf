using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Partners.Reminders;
using KerjaSama.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KerjaSama.Partners.Tests;

/// <summary>The module's clock, moved by the test; sign-in tokens keep the real clock.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Set(DateOnly day) => Interlocked.Exchange(ref _ticks, day.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc).Ticks);
}

/// <summary>Hosts on one database and one data folder, all on the same fake clock, polling for reminders every second.</summary>
public abstract class ReminderHosts : IAsyncLifetime
{
    private readonly List<PlatformFixture> _hosts = [];
    private TestDatabase _database = null!;

    public TestClock Clock { get; } = new(new DateTimeOffset(2030, 1, 10, 1, 0, 0, TimeSpan.Zero));

    public IReadOnlyList<PlatformFixture> Running => _hosts;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        await StartAsync();
        await StartAsync();
    }

    public async Task<PlatformFixture> StartAsync()
    {
        var host = new Host(_database, Clock);
        await host.InitializeAsync();
        _hosts.Add(host);
        return host;
    }

    public async Task StopAsync(PlatformFixture host)
    {
        _hosts.Remove(host);
        await host.DisposeAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts.ToArray())
            await host.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed class Host(TestDatabase database, TestClock clock) : PlatformFixture
    {
        protected override bool OwnsDatabase => false;

        protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);

        protected override void Configure(Dictionary<string, string?> settings)
        {
            settings["KerjaSama:Identity:Issuer"] = "http://kerjasama.test/";
            settings["KerjaSama:Partners:ReminderPollSeconds"] = "1";
            settings["KerjaSama:Partners:SecretariatEmail"] = "kerjasama@kaltengprov.go.id";
            string[] days = ["90", "60", "30", "14", "7", "0"];
            for (var i = 0; i < days.Length; i++)
                settings[$"KerjaSama:Partners:ReminderDays:{i}"] = days[i];
        }

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddKeyedSingleton<TimeProvider>(PartnersClock.Key, clock);
    }
}

public sealed class SqliteReminderHosts : ReminderHosts
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgreSqlReminderHosts : ReminderHosts
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}

public abstract class ReminderTests(ReminderHosts hosts)
{
    private static async Task<int[]> ThresholdsAsync(HttpClient client, Guid agreementId)
    {
        var list = await (await client.GetAsync("/api/partners/notifications")).ReadAsync<JsonElement>();
        return [.. list.EnumerateArray().Where(n => n.GetProperty("agreementId").GetGuid() == agreementId)
            .Select(n => n.GetProperty("thresholdDays").GetInt32()).Order()];
    }

    private static Task WaitForAsync(Func<Task<bool>> condition, string what) => Eventually.TrueAsync(condition, what);

    /// <summary>
    /// Waits until every running host has finished two more scheduler runs, so at least one whole run started after this
    /// call: whatever it would fire has then fired. This replaces a sleep before asserting that nothing more happened.
    /// </summary>
    private async Task TwoMorePollsOnEveryHostAsync()
    {
        var schedulers = hosts.Running.Select(h => h.Services.GetRequiredService<ReminderScheduler>()).ToArray();
        var before = schedulers.Select(s => s.CompletedRuns).ToArray();
        await Eventually.TrueAsync(() => schedulers.Select((s, i) => s.CompletedRuns >= before[i] + 2).All(done => done),
            "two more reminder runs on every host");
    }

    private static int MailsFor(string dataDirectory, string number) =>
        Directory.Exists(Path.Combine(dataDirectory, "mail"))
            ? Directory.GetFiles(Path.Combine(dataDirectory, "mail"), "*.eml").Count(f => File.ReadAllText(f).Contains(number, StringComparison.Ordinal))
            : 0;

    private static MimeKit.MimeMessage MailTo(string dataDirectory, string address, string number) =>
        Assert.Single(Directory.GetFiles(Path.Combine(dataDirectory, "mail"), "*.eml").Select(f => MimeKit.MimeMessage.Load(f)),
            m => m.Subject?.Contains(number, StringComparison.Ordinal) == true && m.To.Mailboxes.Any(b => b.Address == address));

    [Fact]
    public async Task Each_threshold_fires_once_with_two_hosts_polling_one_database_and_again_only_once_after_a_restart()
    {
        hosts.Clock.Set(new DateOnly(2030, 1, 10));
        var first = hosts.Running[0];
        var s = await PartnersScenario.StartAsync(first);
        await using var _ = s;
        var number = "KB-REM-" + Guid.NewGuid().ToString("N")[..6];
        // One contact is a user who reads English (issue 20); the other addresses are no user's and read Indonesian.
        var (analis, _, analisId) = await first.CreateUserAsync(s.Kalsel.Id, s.Kalsel.Name, PlatformRoles.PartnerContributor);
        Assert.Equal(HttpStatusCode.NoContent,
            (await s.Secretariat.PutAsJsonAsync($"/api/identity/users/{analisId}/language", new { language = "en" }, HttpAssertions.Json)).StatusCode);
        var profile = await (await s.Secretariat.GetAsync($"/api/partners/{s.Kalsel.Id}")).ReadAsync<JsonElement>();
        (await s.Secretariat.PutAsJsonAsync($"/api/partners/{s.Kalsel.Id}", new
        {
            contacts = new object[]
            {
                new { name = "Kabag Kerja Sama Kalsel", email = "kabag@kalselprov.go.id", isPrimary = true },
                new { name = "Analis Kerja Sama Kalsel", email = analis, isPrimary = false },
            },
            version = profile.GetProperty("version").GetInt64(),
        }, HttpAssertions.Json)).EnsureSuccessStatusCode();
        var created = await (await s.PostAgreementAsync(new
        {
            kind = "KB", number, @object = "Pengingat", affairCode = "1.02", responsibleAgencyId = s.Agency.Id,
            signedOn = "2029-06-01", startsOn = "2029-06-01", endsOn = "2030-06-01", parties = new[] { s.Party(s.Kalteng), s.Party(s.Kalsel) },
        })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("2030-03-03", created.GetProperty("nextReminderOn").GetString());
        using var partner = await s.UserAsync(s.Kalsel, PlatformRoles.PartnerContributor);
        using var agency = await s.UserAsync(s.Agency, PlatformRoles.AgencyContributor);
        var data = first.Services.GetDataDirectory();

        // Two polls of each host later, nothing is due yet.
        await TwoMorePollsOnEveryHostAsync();
        Assert.Empty(await ThresholdsAsync(s.Secretariat, id));

        // 90 days before the end: both hosts poll, and the secretariat also asks each host to run at once.
        hosts.Clock.Set(new DateOnly(2030, 3, 3));
        var second = hosts.Running[1];
        var secretariatOnSecond = second.ClientFor(await second.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? s.Secretariat : secretariatOnSecond).PostAsync("/api/partners/reminders/run", null)));
        await WaitForAsync(async () => (await ThresholdsAsync(s.Secretariat, id)).Length > 0, "the 90-day reminder");
        await WaitForAsync(() => Task.FromResult(MailsFor(data, number) >= 3), "the 90-day e-mails");
        await TwoMorePollsOnEveryHostAsync();
        Assert.Equal(new[] { 90 }, await ThresholdsAsync(s.Secretariat, id));
        Assert.Equal(new[] { 90 }, await ThresholdsAsync(partner, id));
        Assert.Equal(new[] { 90 }, await ThresholdsAsync(agency, id));
        Assert.Equal(3, MailsFor(data, number)); // two partner contacts and the secretariat's mailbox
        Assert.Equal($"[KerjaSama] KB {number} ends in 90 days (2030-06-01)", MailTo(data, analis, number).Subject);
        Assert.StartsWith("Object: Pengingat\nReminder 90 days before the end.", MailTo(data, analis, number).TextBody, StringComparison.Ordinal);
        Assert.Equal($"[KerjaSama] KB {number} berakhir dalam 90 hari (2030-06-01)", MailTo(data, "kabag@kalselprov.go.id", number).Subject);
        Assert.StartsWith("Objek: Pengingat\nPengingat 90 hari sebelum berakhir.", MailTo(data, "kabag@kalselprov.go.id", number).TextBody, StringComparison.Ordinal);

        // The first host stops and a new one starts on the same database: the 90-day reminder is not repeated.
        await hosts.StopAsync(first);
        var third = await hosts.StartAsync();
        var secretariatOnThird = third.ClientFor(await third.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin));
        await TwoMorePollsOnEveryHostAsync();
        Assert.Equal(new[] { 90 }, await ThresholdsAsync(secretariatOnThird, id));

        hosts.Clock.Set(new DateOnly(2030, 4, 2));
        await WaitForAsync(async () => (await ThresholdsAsync(secretariatOnThird, id)).Length > 1, "the 60-day reminder");
        await TwoMorePollsOnEveryHostAsync();
        Assert.Equal(new[] { 60, 90 }, await ThresholdsAsync(secretariatOnThird, id));
        var read = await (await secretariatOnThird.GetAsync($"/api/partners/agreements/{id}")).ReadAsync<JsonElement>();
        Assert.Equal("2030-05-02", read.GetProperty("nextReminderOn").GetString());

        // Hosts were down from 30 days before until the end day: one notice (0 days) for the thresholds missed together.
        hosts.Clock.Set(new DateOnly(2030, 6, 1));
        await WaitForAsync(async () => (await ThresholdsAsync(secretariatOnThird, id)).Length > 2, "the end-day reminder");
        await WaitForAsync(() => Task.FromResult(MailsFor(data, number) >= 9), "the end-day e-mails");
        await TwoMorePollsOnEveryHostAsync();
        Assert.Equal(new[] { 0, 60, 90 }, await ThresholdsAsync(secretariatOnThird, id));
        Assert.Equal(9, MailsFor(data, number));
        var ran = await (await secretariatOnThird.PostAsync("/api/partners/reminders/run", null)).ReadAsync<JsonElement>();
        Assert.Equal(0, ran.GetProperty("fired").GetInt32());
        secretariatOnSecond.Dispose();
        secretariatOnThird.Dispose();
    }
}

public sealed class ReminderTests_on_Sqlite(SqliteReminderHosts h) : ReminderTests(h), IClassFixture<SqliteReminderHosts>;

public sealed class ReminderTests_on_PostgreSql(PostgreSqlReminderHosts h) : ReminderTests(h), IClassFixture<PostgreSqlReminderHosts>;
