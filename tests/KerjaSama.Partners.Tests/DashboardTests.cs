using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Partners.Tests;

public abstract partial class DashboardTests(PlatformFixture platform) : PartnersScenarioTests(platform)
{
    private async Task<string> AgreementAsync((Guid Id, string Name) partner, DateOnly start, DateOnly end, string affair)
    {
        var number = "NK-" + Guid.NewGuid().ToString("N")[..8];
        (await S.PostAgreementAsync(new
        {
            kind = "NK", number, @object = "Sinergi " + affair, affairCode = affair, signedOn = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            startsOn = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), endsOn = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            parties = new[] { S.Party(S.Kalteng), S.Party(partner) },
        })).EnsureSuccessStatusCode();
        return number;
    }

    [Fact]
    public async Task The_dashboard_counts_active_expiring_and_ended_agreements_lists_partner_regions_and_exports_them()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var active = await AgreementAsync(S.Kalsel, today.AddYears(-1), today.AddYears(2), "2.15");
        var expiring = await AgreementAsync(S.Kalbar, today.AddYears(-2), today.AddDays(30), "2.15");
        var ended = await AgreementAsync(S.Kalsel, today.AddYears(-4), today.AddYears(-2), "3.26");

        var dashboard = await (await S.Secretariat.GetAsync("/api/partners/dashboard")).ReadAsync<JsonElement>();
        var nk = dashboard.GetProperty("byKind").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "NK");
        Assert.Equal(2, nk.GetProperty("active").GetInt32());
        Assert.Equal(1, nk.GetProperty("expiring").GetInt32());
        Assert.Equal(1, nk.GetProperty("ended").GetInt32());
        var transport = dashboard.GetProperty("byAffair").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "2.15");
        Assert.Equal(2, transport.GetProperty("active").GetInt32());
        var kalsel = dashboard.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("regionCode").GetString() == "63");
        Assert.Equal(new[] { active, ended }.Order().ToArray(), kalsel.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("number").GetString()!).Order().ToArray());
        var expiringRow = dashboard.GetProperty("agreements").EnumerateArray().Single(a => a.GetProperty("number").GetString() == expiring);
        Assert.Equal("expiring", expiringRow.GetProperty("state").GetString());
        Assert.Equal(today.AddDays(30 - 7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), expiringRow.GetProperty("nextReminderOn").GetString());

        var xlsx = await S.Secretariat.GetAsync("/api/partners/dashboard/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        using (var workbook = SpreadsheetDocument.Open(stream, false))
        {
            var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(x => x.Name!.Value!).ToArray();
            Assert.Equal(new[] { "Perjanjian", "Ringkasan", "Daerah mitra" }, sheets);
            var first = (WorksheetPart)workbook.WorkbookPart.GetPartById(workbook.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
            var text = string.Join("|", first.Worksheet.Descendants<Text>().Select(t => t.Text));
            Assert.Contains(active, text, StringComparison.Ordinal);
            Assert.Contains(expiring, text, StringComparison.Ordinal);
        }

        var csv = Encoding.UTF8.GetString(await (await S.Secretariat.GetAsync($"/api/partners/dashboard/yearly/{today.Year}.csv")).Content.ReadAsByteArrayAsync());
        Assert.Contains(active, csv, StringComparison.Ordinal);
        Assert.Contains(expiring, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(ended, csv, StringComparison.Ordinal);

        using var partner = await S.UserAsync(S.Kalsel, PlatformRoles.PartnerContributor);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/partners/dashboard")).StatusCode);
    }
}

public sealed class DashboardTests_on_Sqlite(SqlitePlatformFixture p) : DashboardTests(p), IClassFixture<SqlitePlatformFixture>;

public sealed class DashboardTests_on_PostgreSql(PostgreSqlPlatformFixture p) : DashboardTests(p), IClassFixture<PostgreSqlPlatformFixture>;
