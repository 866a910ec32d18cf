using System.Globalization;
using System.Text;
using Xunit;

namespace KerjaSama.Partners.Tests;

// Issue 16, finding 6: the yearly CSV for the Ministry neutralises cells a spreadsheet would run as formulas.
public abstract partial class DashboardTests
{
    [Fact]
    public async Task The_yearly_Ministry_csv_prefixes_formula_cells_with_an_apostrophe_and_keeps_dates_and_years()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var number = "@KB-" + Guid.NewGuid().ToString("N")[..8];
        (await S.PostAgreementAsync(new
        {
            // A KB with Kaltim on health: the other dashboard test counts NKs, transport and Kalsel.
            kind = "KB", number, @object = "=HYPERLINK(\"http://evil.example\",\"klik\")", affairCode = "1.02", responsibleAgencyId = S.Agency.Id,
            signedOn = today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            startsOn = today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            endsOn = today.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            parties = new[] { S.Party(S.Kalteng), S.Party(S.Kaltim) },
        })).EnsureSuccessStatusCode();

        var csv = Encoding.UTF8.GetString(await (await S.Secretariat.GetAsync($"/api/partners/dashboard/yearly/{today.Year}.csv")).Content.ReadAsByteArrayAsync());
        var line = csv.Split('\n').Single(l => l.Contains(number, StringComparison.Ordinal));
        Assert.StartsWith(today.Year.ToString(CultureInfo.InvariantCulture) + ",KB,'" + number + ",", line, StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\",", line, StringComparison.Ordinal);
        Assert.Contains("," + today.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ",", line, StringComparison.Ordinal);
    }
}
