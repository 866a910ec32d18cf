using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Xunit;

namespace KerjaSama.Partners.Tests;

public abstract partial class DashboardTests
{
    /// <summary>
    /// The dashboard workbook is written in the reader's language (issue 20); the yearly summary for the Ministry of Home
    /// Affairs stays in Bahasa Indonesia whatever the reader chose.
    /// </summary>
    [Fact]
    public async Task The_dashboard_workbook_follows_the_readers_language_and_the_ministry_summary_stays_Indonesian()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Headings only: the other tests of the class count the agreements of this database.

        Assert.Equal(("Perjanjian", "Jenis"), await WorkbookAsync("/api/partners/dashboard/export.xlsx", null));
        Assert.Equal(("Agreements", "Kind"), await WorkbookAsync("/api/partners/dashboard/export.xlsx?culture=en", null));
        Assert.Equal(("Agreements", "Kind"), await WorkbookAsync("/api/partners/dashboard/export.xlsx", "en-US,en;q=0.8"));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/partners/dashboard/yearly/{today.Year}.csv?culture=en");
        var csv = Encoding.UTF8.GetString(await (await S.Secretariat.SendAsync(request)).Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        Assert.StartsWith("Tahun,Jenis,Nomor,Objek,Urusan", csv, StringComparison.Ordinal);
    }

    /// <summary>The first sheet's name and its first heading.</summary>
    private async Task<(string Sheet, string Heading)> WorkbookAsync(string url, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        var response = await S.Secretariat.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First();
        var part = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!);
        var first = part.Worksheet.Descendants<Text>().First().Text;
        return (sheet.Name!.Value!, first);
    }
}
