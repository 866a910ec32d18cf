using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KerjaSama.Modularity.Csv;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;

namespace KerjaSama.Registry.Tests;

public abstract partial class ImportTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string OrganisationHeader = "code,name,short_name,kind,region_code,affairs";
    // Writes need the secretariat; every test signs its own user in through the real code flow.
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = platform.ClientFor(
        await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin));

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    private Task<HttpResponseMessage> PostCsvAsync(string url, string csv) =>
        _client.PostAsync(url, new StringContent(csv, Encoding.UTF8, "text/csv"));

    private async Task<int> CountOrganisationsAsync(string q) =>
        (await (await _client.GetAsync($"/api/registry/organisations?q={Uri.EscapeDataString(q)}")).ReadAsync<PageOf<OrganisationRow>>()).Total;

    [Fact]
    public async Task An_organisation_file_is_imported_whole_and_comes_back_in_the_export()
    {
        var t = Unique.Token();
        var csv = $"{OrganisationHeader}\r\nt-{t}-a,\"PT Maju, Jaya {t}\",Maju,business,62.71,3.26;3.30\r\n" +
                  $"t-{t}-b,Universitas Uji {t},,university,62,\r\nt-{t}-c,Yayasan Uji {t},,ngo,,\r\n";

        var summary = await (await PostCsvAsync("/api/registry/organisations/import", csv)).ReadAsync<ImportSummaryRow>();

        Assert.Equal(new ImportSummaryRow(3, 3, 0), summary);
        var export = await _client.GetStringAsync("/api/registry/organisations/export");
        var rows = CsvFile.Read(export);
        var mine = rows.Where(r => r.Fields[0].StartsWith($"t-{t}-", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, mine.Count);
        Assert.Contains(mine, r => r.Fields[1] == $"PT Maju, Jaya {t}" && r.Fields[5] == "3.26;3.30" && r.Fields[6] == "true");
        var again = await (await PostCsvAsync("/api/registry/organisations/import", csv)).ReadAsync<ImportSummaryRow>();
        Assert.Equal(new ImportSummaryRow(3, 0, 3), again);
        Assert.Equal(3, await CountOrganisationsAsync($"t-{t}-"));
    }

    [Fact]
    public async Task A_file_with_two_bad_lines_stores_nothing_and_lists_both_line_numbers()
    {
        var t = Unique.Token();
        var csv = $"{OrganisationHeader}\n" +
                  $"t-{t}-1,Good One {t},,business,62,\n" +
                  $"t-{t}-2,Bad Region {t},,business,99.99,\n" +
                  $"t-{t}-3,Good Three {t},,ngo,,2.11\n" +
                  $"t-{t}-4,Good Four {t},,university,63,\n" +
                  $"t-{t}-5,Bad Affair {t},,business,62,7.77\n" +
                  $"t-{t}-6,Good Six {t},,individual,,\n";

        var response = await PostCsvAsync("/api/registry/organisations/import", csv);

        var problem = await response.AssertValidationProblemAsync("line 3", "line 6");
        Assert.Equal("import_invalid", problem.GetProperty("code").GetString());
        Assert.Equal(2, problem.GetProperty("errors").EnumerateObject().Count());
        var lines = problem.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("line").GetInt32(), l.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3, "region_code"), (6, "affairs")], lines);
        Assert.Equal(0, await CountOrganisationsAsync($"t-{t}-"));
    }

    [Fact]
    public async Task Duplicates_inside_the_file_and_a_missing_column_are_reported()
    {
        var t = Unique.Token();
        var duplicates = $"{OrganisationHeader}\nt-{t},One {t},,ngo,,\nt-{t},Two {t},,ngo,,\nt-{t}-x,ONE  {t},,ngo,,\n";

        var problem = await (await PostCsvAsync("/api/registry/organisations/import", duplicates)).AssertValidationProblemAsync("line 3", "line 4");
        var header = await PostCsvAsync("/api/registry/organisations/import", "code,name\nx,y\n");

        Assert.Equal(2, problem.GetProperty("errors").EnumerateObject().Count());
        await header.AssertValidationProblemAsync("line 1");
        Assert.Equal(0, await CountOrganisationsAsync($"t-{t}"));
    }

    [Fact]
    public async Task A_multipart_upload_is_accepted_like_a_csv_body()
    {
        var t = Unique.Token();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"{OrganisationHeader}\nt-{t},Koperasi Uji {t},,business,62,\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "orgs.csv");

        var summary = await (await _client.PostAsync("/api/registry/organisations/import", form)).ReadAsync<ImportSummaryRow>();

        Assert.Equal(1, summary.Created);
        Assert.Equal(1, await CountOrganisationsAsync($"t-{t}"));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_413_stating_the_limit()
    {
        var t = Unique.Token();
        var line = $"t-{t},Besar {t},,business,62,\n";
        var big = new StringBuilder(OrganisationHeader + "\n");
        while (big.Length <= 10 * 1024 * 1024)
            big.Append(line);

        var response = await PostCsvAsync("/api/registry/organisations/import", big.ToString());

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "import_too_large");
        Assert.Contains("10 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(10 * 1024 * 1024, problem.GetProperty("limitBytes").GetInt64());
        Assert.Equal(0, await CountOrganisationsAsync($"t-{t}"));
    }

    [Fact]
    public async Task Nomenclature_is_imported_when_every_parent_is_known_and_exported_again()
    {
        var n = Random.Shared.Next(50, 99); // 2.11 has real programmes 01-11 (Seed/nomenclature.csv)
        var csv = $"code,level,name,output,indicator,unit\n" +
                  $"2.11.{n},program,PROGRAM UJI {n},,,\n" +
                  $"2.11.{n}.1.01,kegiatan,Kegiatan Uji,,,\n" +
                  $"2.11.{n}.1.01.0001,sub_kegiatan,\"Sub Kegiatan, Uji\",Terlaksananya uji,Jumlah dokumen,Dokumen\n";

        var summary = await (await PostCsvAsync("/api/registry/nomenclature/import", csv)).ReadAsync<ImportSummaryRow>();

        Assert.Equal(3, summary.Rows);
        var page = await (await _client.GetAsync($"/api/registry/nomenclature?prefix=2.11.{n}.")).ReadAsync<PageOf<NomenclatureRow>>();
        Assert.Contains(page.Items, i => i is { Level: "sub_kegiatan", Name: "Sub Kegiatan, Uji", Unit: "Dokumen", IsSample: false });
        var export = CsvFile.Read(await _client.GetStringAsync($"/api/registry/nomenclature/export?prefix=2.11.{n}"));
        Assert.Contains(export, r => r.Fields[0] == $"2.11.{n}.1.01.0001" && r.Fields[4] == "Jumlah dokumen");
    }

    [Fact]
    public async Task Nomenclature_with_bad_shapes_or_unknown_parents_stores_nothing_and_lists_every_bad_line()
    {
        var csv = "code,level,name,output,indicator,unit\n" +
                  "1.02.67,program,PROGRAM BAIK,,,\n" +
                  "1.02.67.3.01,kegiatan,Digit level salah,,,\n" +
                  "1.02.67.2.01,sub_kegiatan,Level tidak cocok,,,\n" +
                  "1.02.66.2.01.0001,sub_kegiatan,Induk tidak ada,,,\n" +
                  "9.99.01,program,Urusan tidak ada,,,\n";

        var problem = await (await PostCsvAsync("/api/registry/nomenclature/import", csv))
            .AssertValidationProblemAsync("line 3", "line 4", "line 5", "line 6");

        Assert.False(problem.GetProperty("errors").TryGetProperty("line 2", out _));
        var page = await (await _client.GetAsync("/api/registry/nomenclature?prefix=1.02.67")).ReadAsync<PageOf<NomenclatureRow>>();
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task Sub_affairs_are_imported_all_or_nothing()
    {
        var bad = "affair_code,code,name,level\n2.07,2.07.90,Uji,provinsi\n2.07,2.08.91,Salah induk,provinsi\n2.07,2.07.92,Uji,pusat\n";
        var good = "affair_code,code,name,level\n2.18,2.18.90,Uji Penanaman Modal,provinsi\n2.18,2.18.90,Uji Penanaman Modal,kabupaten_kota\n";

        await (await PostCsvAsync("/api/registry/affairs/sub-affairs/import", bad)).AssertValidationProblemAsync("line 3", "line 4");
        var labour = await (await _client.GetAsync("/api/registry/affairs/2.07")).ReadAsync<AffairDetail>();
        var summary = await (await PostCsvAsync("/api/registry/affairs/sub-affairs/import", good)).ReadAsync<ImportSummaryRow>();
        var investment = await (await _client.GetAsync("/api/registry/affairs/2.18")).ReadAsync<AffairDetail>();

        Assert.DoesNotContain(labour.SubAffairs, s => s.Code == "2.07.90");
        Assert.Equal(2, summary.Rows);
        Assert.Equal(["provinsi", "kabupaten_kota"], Assert.Single(investment.SubAffairs, s => s.Code == "2.18.90").Levels);
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class ImportTests_on_Sqlite(SqlitePlatformFixture platform) : ImportTests(platform);

[Collection(SharedHost.PostgreSql)]
public sealed class ImportTests_on_PostgreSql(PostgreSqlPlatformFixture platform) : ImportTests(platform);
