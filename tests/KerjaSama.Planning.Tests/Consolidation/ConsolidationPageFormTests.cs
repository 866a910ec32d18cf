using System.Net;
using System.Text;
using System.Text.Json;
using KerjaSama.TestKit;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Consolidation;

/// <summary>
/// The consolidation, re-import and decree-annex pages post their forms to themselves (<c>@formname</c>), as a browser
/// without JavaScript does: a good post goes back to the page with its notice; a bad one shows the error under the form
/// that was sent (in Bahasa Indonesia) and stores nothing. The REST routes stay for API clients (ConsolidationTests).
/// </summary>
public abstract class ConsolidationPageFormTests(PlatformFixture platform)
{
    private static string Page(MatrixScenario s) => $"/planning/exercises/{s.ExerciseId}";

    private static async Task<(HttpResponseMessage Response, string Html)> PostAsync(FormPage page, string path, string form,
        Dictionary<string, string> fields)
    {
        var response = await page.PostAsync(path, await page.GetAsync(path), form, fields);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static void AssertBackWithNotice(HttpResponseMessage response, string path, string html)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Found, html);
        Assert.StartsWith(path + "?ok=", Location(response), StringComparison.Ordinal);
    }

    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.OriginalString;

    private static void AssertRefusedOnThePage(HttpResponseMessage response, string html)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("class=\"error\" role=\"alert\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_status_changes_every_row_of_a_status_and_a_status_without_rows_is_shown_under_the_form()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var row = await s.AddRowAsync(MatrixScenario.Opportunity("Rujukan kesehatan"));
        using var page = new FormPage(platform.BaseAddress, s.Secretariat);

        var ops = await s.OpCountAsync();
        var (bad, html) = await PostAsync(page, Page(s), "bulk-status",
            new() { ["action"] = "bulk-status", ["fromStatus"] = "ditetapkan", ["status"] = "diverifikasi", ["reason"] = "Tidak ada baris" });
        AssertRefusedOnThePage(bad, html);
        Assert.Equal(["Antara 1 dan 5000 id baris."], FormPage.FieldErrors(html, "rowIds"));
        Assert.Equal(ops, await s.OpCountAsync());
        Assert.Equal("diusulkan", await s.StatusAsync(row));

        var (good, shown) = await PostAsync(page, Page(s), "bulk-status",
            new() { ["action"] = "bulk-status", ["fromStatus"] = "diusulkan", ["status"] = "diverifikasi", ["reason"] = "Verifikasi sekretariat" });
        AssertBackWithNotice(good, Page(s), shown);
        Assert.Equal("diverifikasi", await s.StatusAsync(row));
    }

    [Fact]
    public async Task A_rows_status_and_TKKSD_forms_save_and_refuse_on_the_page()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var row = await s.AddRowAsync(MatrixScenario.Opportunity("Rujukan kesehatan"));
        using var page = new FormPage(platform.BaseAddress, s.Secretariat);

        // A transition the lifecycle does not allow: refused by the grain, the row keeps its status.
        var ops = await s.OpCountAsync();
        var (bad, html) = await PostAsync(page, Page(s), $"status-{row}",
            new() { ["action"] = "status", ["rowId"] = row.ToString(), ["status"] = "ditetapkan", ["reason"] = "Lompat" });
        AssertRefusedOnThePage(bad, html);
        Assert.Contains("class=\"error field-error\"", html, StringComparison.Ordinal);
        Assert.Equal(ops, await s.OpCountAsync());
        Assert.Equal("diusulkan", await s.StatusAsync(row));

        var (good, shown) = await PostAsync(page, Page(s), $"status-{row}",
            new() { ["action"] = "status", ["rowId"] = row.ToString(), ["status"] = "diverifikasi", ["reason"] = "Diverifikasi" });
        AssertBackWithNotice(good, Page(s), shown);
        Assert.Equal("diverifikasi", await s.StatusAsync(row));

        // TKKSD: a decision other than accept needs a note.
        ops = await s.OpCountAsync();
        (bad, html) = await PostAsync(page, Page(s), $"review-{row}",
            new() { ["action"] = "review", ["rowId"] = row.ToString(), ["decision"] = "revise", ["priority"] = "1", ["note"] = "" });
        AssertRefusedOnThePage(bad, html);
        Assert.Equal(["Sebutkan alasannya (catatan TKKSD)."], FormPage.FieldErrors(html, "note"));
        Assert.Equal(ops, await s.OpCountAsync());

        (good, shown) = await PostAsync(page, Page(s), $"review-{row}",
            new() { ["action"] = "review", ["rowId"] = row.ToString(), ["decision"] = "accept", ["priority"] = "1", ["note"] = "Disetujui" });
        AssertBackWithNotice(good, Page(s), shown);
        Assert.Equal("accept", (await s.RowAsync(row))[F.ReviewDecision].GetString());

        // Adoption needs the decree (or a note); then the accepted row is adopted.
        ops = await s.OpCountAsync();
        (bad, html) = await PostAsync(page, Page(s), "adopt", new() { ["action"] = "adopt", ["reason"] = "", ["decreeNumber"] = "", ["decreeDate"] = "" });
        AssertRefusedOnThePage(bad, html);
        Assert.Equal(["Sebutkan keputusan (nomor dan tanggal) yang menetapkan baris-baris ini."], FormPage.FieldErrors(html, "reason"));
        Assert.Equal(ops, await s.OpCountAsync());

        (good, shown) = await PostAsync(page, Page(s), "adopt",
            new() { ["action"] = "adopt", ["reason"] = "Keputusan Gubernur Nomor 188.44/1/2026", ["decreeNumber"] = "", ["decreeDate"] = "" });
        AssertBackWithNotice(good, Page(s), shown);
        Assert.Equal("ditetapkan", await s.StatusAsync(row));
    }

    [Fact]
    public async Task An_agency_that_does_not_consolidate_is_refused_and_nothing_changes()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var row = await s.AddRowAsync(MatrixScenario.Opportunity("Rujukan kesehatan"));
        using var page = new FormPage(platform.BaseAddress, s.Agency);
        var ops = await s.OpCountAsync();
        var (response, _) = await PostAsync(page, Page(s), $"status-{row}",
            new() { ["action"] = "status", ["rowId"] = row.ToString(), ["status"] = "diverifikasi", ["reason"] = "Tanpa hak" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ops, await s.OpCountAsync());
        Assert.Equal("diusulkan", await s.StatusAsync(row));
    }

    private static MultipartFormDataContent Upload(string html, string form, string action, byte[] file, string fileName) => new()
    {
        { new StringContent(form), "_handler" }, { new StringContent(FormPage.Token(html)), "__RequestVerificationToken" },
        { new StringContent(action), "action" }, { new ByteArrayContent(file), "file", fileName },
    };

    [Fact]
    public async Task The_import_form_imports_a_matrix_and_a_bad_file_is_refused_whole_on_the_page()
    {
        var source = await MatrixScenario.StartAsync(platform);
        await source.AddRowAsync(MatrixScenario.Opportunity("Wisata sungai", "3.26"));
        var csv = await source.Admin.GetByteArrayAsync($"{source.Base}/exports/rpjmd.csv");
        var s = await MatrixScenario.StartAsync(platform);
        using var page = new FormPage(platform.BaseAddress, s.Secretariat);

        using (var bad = Upload(await page.GetAsync(Page(s)), "import", "import", Encoding.UTF8.GetBytes("affair_code,potential\n9.99,\n"), "matriks.csv"))
        {
            var response = await page.Http.PostAsync(Page(s), bad);
            var html = await response.Content.ReadAsStringAsync();
            AssertRefusedOnThePage(response, html);
            Assert.Contains("class=\"error field-error\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(0, await s.OpCountAsync());
        using (var good = Upload(await page.GetAsync(Page(s)), "import", "import", csv, "rpjmd.csv"))
        {
            var response = await page.Http.PostAsync(Page(s), good);
            AssertBackWithNotice(response, Page(s), await response.Content.ReadAsStringAsync());
        }

        var rows = await (await s.Admin.GetAsync($"{s.Base}/rows")).ReadAsync<JsonElement>();
        Assert.Equal("Wisata sungai", Assert.Single(rows.EnumerateArray().ToList()).GetProperty("fields").GetProperty(F.Potential).GetString());
    }

    [Fact]
    public async Task The_reimport_forms_preview_and_confirm_on_their_pages_and_refuse_a_bad_file_or_token()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var row = await s.AddRowAsync(MatrixScenario.Opportunity("Rujukan kesehatan"));
        var csv = Encoding.UTF8.GetString(await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.csv"));
        var edited = Encoding.UTF8.GetBytes(csv.Replace("Rujukan kesehatan", "Rujukan kesehatan terpadu", StringComparison.Ordinal));
        using var page = new FormPage(platform.BaseAddress, s.Planner);

        using (var bad = Upload(await page.GetAsync(Page(s)), "reimport-preview", "reimport-preview", [0x50, 0x4b, 0x00], "rpjmd.xlsx"))
        {
            var response = await page.Http.PostAsync(Page(s), bad);
            AssertRefusedOnThePage(response, await response.Content.ReadAsStringAsync());
        }

        string preview;
        using (var good = Upload(await page.GetAsync(Page(s)), "reimport-preview", "reimport-preview", edited, "rpjmd.csv"))
        {
            var response = await page.Http.PostAsync(Page(s), good);
            Assert.True(response.StatusCode == HttpStatusCode.Found, await response.Content.ReadAsStringAsync());
            preview = Location(response);
            Assert.StartsWith($"{Page(s)}/reimport/", preview, StringComparison.Ordinal);
        }

        Assert.Equal("Rujukan kesehatan", (await s.RowAsync(row))[F.Potential].GetString());
        var ops = await s.OpCountAsync();
        var (refused, html) = await PostAsync(page, preview, "reimport-confirm",
            new() { ["action"] = "reimport-confirm", ["token"] = Guid.NewGuid().ToString() });
        AssertRefusedOnThePage(refused, html);
        Assert.Contains("data-testid=\"reimport-confirm\"", html, StringComparison.Ordinal);
        Assert.Equal(ops, await s.OpCountAsync());
        Assert.Equal("Rujukan kesehatan", (await s.RowAsync(row))[F.Potential].GetString());

        var (confirmed, shown) = await PostAsync(page, preview, "reimport-confirm",
            new() { ["action"] = "reimport-confirm", ["token"] = preview.Split('/')[^1] });
        AssertBackWithNotice(confirmed, Page(s), shown);
        Assert.Equal("Rujukan kesehatan terpadu", (await s.RowAsync(row))[F.Potential].GetString());
    }

    [Fact]
    public async Task The_annex_pages_settings_form_saves_and_shows_a_bad_NIP_under_its_field()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var annex = $"{Page(s)}/annex";
        using var page = new FormPage(platform.BaseAddress, s.Secretariat);
        var before = await s.Admin.GetStringAsync($"{s.Base}/documents/settings");

        var (bad, html) = await PostAsync(page, annex, "document-settings",
            new() { ["decreeNumber"] = "100.3.3.3/7/2026", ["decreeDate"] = "2026-01-05", ["signatoryNip"] = "123" });
        AssertRefusedOnThePage(bad, html);
        Assert.Equal(["NIP terdiri atas 18 angka (spasi boleh)."], FormPage.FieldErrors(html, "signatoryNip"));
        Assert.Contains("value=\"100.3.3.3/7/2026\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await s.Admin.GetStringAsync($"{s.Base}/documents/settings"));

        var (good, shown) = await PostAsync(page, annex, "document-settings",
            new() { ["decreeNumber"] = "100.3.3.3/7/2026", ["decreeDate"] = "2026-01-05", ["signatoryNip"] = "" });
        AssertBackWithNotice(good, annex, shown);
        var saved = await (await s.Admin.GetAsync($"{s.Base}/documents/settings")).ReadAsync<JsonElement>();
        Assert.Equal("100.3.3.3/7/2026", saved.GetProperty("decreeNumber").GetString());

        // An agency member reads the annex; the settings form is the secretariat's.
        using var agency = new FormPage(platform.BaseAddress, s.Agency);
        Assert.DoesNotContain("document-settings-form", await agency.GetAsync(annex), StringComparison.Ordinal);
    }
}

public sealed class ConsolidationPageFormTests_on_Sqlite(SqlitePlatformFixture p) : ConsolidationPageFormTests(p), IClassFixture<SqlitePlatformFixture>;
