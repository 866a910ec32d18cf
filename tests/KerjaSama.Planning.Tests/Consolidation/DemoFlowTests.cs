using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Planning.Tests.Consolidation;

public sealed class DemoPlatformFixture : PlatformFixture
{
    protected override string EnvironmentName => "Development";

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

    protected override void Configure(Dictionary<string, string?> settings) => settings["KerjaSama:Identity:SeedDemoData"] = "true";
}

/// <summary>
/// The demo of issue 8 through the pages' own forms: the demo secretariat account takes the seeded exercise (session
/// closed, eight proposed rows) to an adopted list and downloads the decree annex XLSX.
/// </summary>
public sealed partial class DemoFlowTests(DemoPlatformFixture platform) : IClassFixture<DemoPlatformFixture>
{
    private static readonly Guid DemoExercise = new("6a2e0c55-2025-4c1e-9d62-000000000062");

    [Fact]
    public async Task The_demo_shows_the_RSUD_proposal_as_a_pair_with_the_Dinkes_proposal_it_repeats()
    {
        // The demo's third row is the hospital's wording of the health office's first row: the board's "similar rows"
        // panel and the consolidation page list them as a pair to link, dismiss or merge.
        using var browser = new BrowserSession(platform.BaseAddress);
        var tokens = await browser.SignInAsync("admin@kerjasama.test", "Kerjasama-Demo-2025!", "kerjasama-cli");
        browser.Http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("access_token").GetString());
        var pairs = await Eventually.ValueAsync(
            async () => await (await browser.Http.GetAsync($"/api/planning/exercises/{DemoExercise}/duplicates")).Content.ReadFromJsonOrDefault(),
            found => found.ValueKind == JsonValueKind.Array && found.GetArrayLength() > 0, "a pair of similar rows in the demo exercise",
            TimeSpan.FromSeconds(60));
        var pair = Assert.Single(pairs.EnumerateArray());
        string[] texts = [pair.GetProperty("rowA").GetProperty("text").GetString()!, pair.GetProperty("rowB").GetProperty("text").GetString()!];
        Assert.Contains("Rujukan pasien dari kabupaten perbatasan ke rumah sakit rujukan provinsi", texts);
        Assert.Contains("Rujukan pasien kabupaten perbatasan ke rumah sakit rujukan provinsi (usulan RSUD)", texts);
        Assert.Equal("1.02", pair.GetProperty("affairCode").GetString());
        Assert.Equal("open", pair.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_secretariat_takes_the_demo_exercise_from_the_closed_session_to_the_decree_annex_through_the_pages()
    {
        using var browser = new BrowserSession(platform.BaseAddress);
        var tokens = await browser.SignInAsync("admin@kerjasama.test", "Kerjasama-Demo-2025!", "kerjasama-cli");
        var http = browser.Http;
        http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("access_token").GetString());
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement rows;
        do
        {
            await Task.Delay(250);
            rows = await (await http.GetAsync($"/api/planning/exercises/{DemoExercise}/consolidation?pageSize=100")).Content.ReadFromJsonOrDefault();
        }
        while ((rows.ValueKind != JsonValueKind.Object || rows.GetProperty("total").GetInt32() < 8) && DateTime.UtcNow < deadline);
        Assert.Equal(8, rows.GetProperty("total").GetInt32());

        var page = await http.GetStringAsync($"/planning/exercises/{DemoExercise}");
        Assert.Contains("Pemetaan Potensi Kerja Sama Daerah Provinsi Kalimantan Tengah (demo)", page, StringComparison.Ordinal);
        var token = Token().Match(page).Groups[1].Value;
        async Task<string> Post(Dictionary<string, string> form)
        {
            form["__RequestVerificationToken"] = token;
            var response = await http.PostAsync($"/api/planning/exercises/{DemoExercise}/ui-actions", new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!.ToString();
            Assert.Contains("?ok=", location, StringComparison.Ordinal);
            return location;
        }

        await Post(new() { ["action"] = "bulk-status", ["fromStatus"] = "diusulkan", ["status"] = "diverifikasi", ["reason"] = "Verifikasi konsolidasi" });
        var ids = rows.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("row").GetProperty("rowId").GetGuid()).ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            await Post(new() { ["action"] = "review", ["rowId"] = id.ToString(), ["decision"] = "accept", ["priority"] = (i % 3 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await Post(new() { ["action"] = "adopt", ["reason"] = "Keputusan Gubernur Kalimantan Tengah Nomor 188.44/100/2025" });

        var annex = await http.GetAsync($"/api/planning/exercises/{DemoExercise}/exports/decree-annex.xlsx");
        Assert.Equal(HttpStatusCode.OK, annex.StatusCode);
        var sheet = Xlsx.Read(await annex.Content.ReadAsByteArrayAsync());
        Assert.Equal(8, sheet.Count(r => r.Count > 2 && r[0].Length > 0 && int.TryParse(r[0], out _)));
        Assert.Contains(sheet, r => r.Count > 0 && r[0].StartsWith("Urusan 1.02", StringComparison.Ordinal));
        Assert.Contains(sheet, r => r.Any(c => c == "JUMLAH SELURUHNYA"));
    }

    [GeneratedRegex("__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

internal static class JsonContent
{
    public static async Task<JsonElement> ReadFromJsonOrDefault(this HttpContent content)
    {
        var text = await content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
