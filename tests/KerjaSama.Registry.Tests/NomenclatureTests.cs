using System.Net;
using System.Text;
using System.Text.Json;
using KerjaSama.Modularity.Csv;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;

namespace KerjaSama.Registry.Tests;

/// <summary>
/// The shipped nomenclature (Seed/nomenclature.csv) through the public API: the counts documented in Seed/README.md,
/// nesting, search by number and by words, and an import with bad lines that stores nothing.
/// </summary>
public abstract class NomenclatureTests(PlatformFixture platform) : IAsyncLifetime
{
    private static readonly string[] Levels = ["urusan", "bidang_urusan", "program", "kegiatan", "sub_kegiatan"];
    private readonly HttpClient _public = platform.Client;
    private HttpClient _secretariat = null!;

    public async Task InitializeAsync() => _secretariat = platform.ClientFor(
        await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin));

    public Task DisposeAsync()
    {
        _secretariat.Dispose();
        return Task.CompletedTask;
    }

    private async Task<JsonElement> StatsAsync() => await (await _public.GetAsync("/api/registry/nomenclature/stats")).ReadAsync<JsonElement>();

    private static int[] Counts(JsonElement byLevel) =>
        [.. Levels.Select(l => byLevel.TryGetProperty(l, out var v) ? v.GetInt32() : 0)];

    [Fact]
    public async Task The_counts_per_level_per_government_level_and_per_urusan_are_the_documented_ones()
    {
        var stats = await StatsAsync();

        // Seed/README.md, "nomenclature.csv": urusan, bidang urusan, program, kegiatan, sub kegiatan.
        Assert.Equal([9, 49, 227, 2306, 14833], Counts(stats.GetProperty("levels")));
        Assert.Equal([9, 49, 219, 1209, 7690], Counts(stats.GetProperty("byGovernmentLevel").GetProperty("provinsi")));
        Assert.Equal([9, 44, 207, 1097, 7143], Counts(stats.GetProperty("byGovernmentLevel").GetProperty("kabupaten_kota")));
        var byUrusan = stats.GetProperty("byUrusan");
        Assert.Equal([1, 6, 40, 337, 2870], Counts(byUrusan.GetProperty("1")));
        Assert.Equal([1, 18, 95, 920, 5404], Counts(byUrusan.GetProperty("2")));
        Assert.Equal([1, 8, 43, 440, 2597], Counts(byUrusan.GetProperty("3")));
        Assert.Equal([1, 2, 10, 106, 594], Counts(byUrusan.GetProperty("4")));
        Assert.Equal([1, 7, 19, 280, 1937], Counts(byUrusan.GetProperty("5")));
        Assert.Equal([1, 1, 3, 40, 242], Counts(byUrusan.GetProperty("6")));
        Assert.Equal([1, 3, 8, 77, 489], Counts(byUrusan.GetProperty("7")));
        Assert.Equal([1, 1, 6, 42, 278], Counts(byUrusan.GetProperty("8")));
        Assert.Equal([1, 3, 3, 64, 422], Counts(byUrusan.GetProperty("9")));
        Assert.Equal(0, stats.GetProperty("retired").GetInt32());
    }

    [Fact]
    public async Task Every_code_nests_under_a_stored_parent_of_the_level_above_and_shares_its_government_level()
    {
        var rows = CsvFile.Read(await _public.GetStringAsync("/api/registry/nomenclature/export")).Skip(1)
            .Select(r => (Code: r.Fields[0], Level: r.Fields[1], Gov: r.Fields[6].Split(';', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        var byCode = rows.ToDictionary(r => r.Code);

        Assert.Equal(17424, rows.Count);
        foreach (var (code, level, gov) in rows)
        {
            var depth = Array.IndexOf(Levels, level);
            Assert.True(depth >= 0, $"{code}: level {level}");
            Assert.NotEmpty(gov);
            if (depth == 0)
            {
                Assert.Matches(@"^\d$", code);
                continue;
            }

            // Parent: one segment shorter; the kegiatan's level digit and number go together.
            var parentCode = level == "kegiatan" ? code[..^5] : code[..code.LastIndexOf('.')];
            Assert.True(byCode.TryGetValue(parentCode, out var parent), $"{code} has no parent {parentCode}");
            Assert.Equal(Levels[depth - 1], parent.Level);
            Assert.All(gov, g => Assert.Contains(g, parent.Gov));
            if (level is "kegiatan" or "sub_kegiatan")
            {
                var digit = code.Split('.')[3];
                Assert.Equal(digit == "1" ? "provinsi" : "kabupaten_kota", Assert.Single(gov));
            }
        }
    }

    [Theory]
    [InlineData("ibu hamil", "1.02.02.2.02.0001")]
    [InlineData("IBU  Hamil", "1.02.02.2.02.0001")]
    [InlineData("kerja sama persampahan", "2.11.11.2.01.0023")]
    [InlineData("1.02.02.2.02.0001", "1.02.02.2.02.0001")]
    public async Task A_sub_kegiatan_is_found_by_words_or_by_number(string q, string code)
    {
        var page = await (await _public.GetAsync($"/api/registry/nomenclature?q={Uri.EscapeDataString(q)}&level=sub_kegiatan&pageSize=200"))
            .ReadAsync<PageOf<NomenclatureItemRow>>();

        var item = Assert.Single(page.Items, i => i.Code == code);
        Assert.Equal("sub_kegiatan", item.Level);
        Assert.False(string.IsNullOrEmpty(item.Unit));
        Assert.All(page.Items, i => Assert.Equal("sub_kegiatan", i.Level));
    }

    [Fact]
    public async Task The_ibu_hamil_sub_kegiatan_carries_its_kinerja_indikator_satuan_and_level()
    {
        var page = await (await _public.GetAsync("/api/registry/nomenclature?q=1.02.02.2.02.0001")).ReadAsync<PageOf<NomenclatureItemRow>>();

        var item = Assert.Single(page.Items);
        Assert.Equal("Pengelolaan Pelayanan Kesehatan Ibu Hamil", item.Name);
        Assert.Equal("Jumlah Ibu Hamil yang Mendapatkan Pelayanan Kesehatan Sesuai Standar", item.Indicator);
        Assert.Equal("Orang", item.Unit);
        Assert.Equal("1.02.02.2.02", item.ParentCode);
        Assert.Equal(["kabupaten_kota"], item.GovernmentLevels);
    }

    [Fact]
    public async Task A_code_prefix_finds_its_children_and_only_them()
    {
        var page = await (await _public.GetAsync("/api/registry/nomenclature?q=1.02.02&pageSize=500")).ReadAsync<PageOf<NomenclatureItemRow>>();

        Assert.True(page.Total > 50, $"only {page.Total}");
        Assert.All(page.Items, i => Assert.StartsWith("1.02.02", i.Code, StringComparison.Ordinal));
        Assert.Contains(page.Items, i => i is { Code: "1.02.02.2.02", Level: "kegiatan" });
        Assert.Contains(page.Items, i => i is { Code: "1.02.02.1.01", Level: "kegiatan", GovernmentLevels: ["provinsi"] });
        var provincial = await (await _public.GetAsync("/api/registry/nomenclature?q=1.02.02&governmentLevel=provinsi&level=kegiatan"))
            .ReadAsync<PageOf<NomenclatureItemRow>>();
        Assert.NotEmpty(provincial.Items);
        Assert.All(provincial.Items, i => Assert.Contains(".1.", i.Code[7..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_import_with_a_malformed_code_an_orphan_and_duplicates_is_refused_whole_and_nothing_changes()
    {
        var before = (await StatsAsync()).GetRawText();
        var csv = "code,level,name,output,indicator,unit,government_levels\n" +
                  "1.02.02.2.02.0001,sub_kegiatan,Nama Baru Ibu Hamil,,,,kabupaten_kota\n" + // line 2: valid, a rename
                  "1.02.2.02,kegiatan,Kode rusak,,,,\n" +                                     // line 3: malformed
                  "1.02.88.2.01.0001,sub_kegiatan,Tanpa induk,,,,\n" +                         // line 4: no parent
                  "1.02.02.2.02.0002,sub_kegiatan,Ganda,,,,\n" +                               // line 5
                  "1.02.02.2.02.0002,sub_kegiatan,Ganda lagi,,,,\n" +                          // line 6: duplicate of line 5
                  "1.02.02.2.02.0003,sub_kegiatan,Level salah,,,,pusat\n";                     // line 7: government level

        var problem = await (await _secretariat.PostAsync("/api/registry/nomenclature/import",
                new StringContent(csv, Encoding.UTF8, "text/csv")))
            .AssertValidationProblemAsync("line 3", "line 4", "line 6", "line 7");

        Assert.Equal("import_invalid", problem.GetProperty("code").GetString());
        Assert.False(problem.GetProperty("errors").TryGetProperty("line 2", out _));
        Assert.Equal([3, 4, 6, 7], problem.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("line").GetInt32()).Distinct());
        Assert.Equal(before, (await StatsAsync()).GetRawText());
        var item = Assert.Single((await (await _public.GetAsync("/api/registry/nomenclature?q=1.02.02.2.02.0001"))
            .ReadAsync<PageOf<NomenclatureItemRow>>()).Items);
        Assert.Equal("Pengelolaan Pelayanan Kesehatan Ibu Hamil", item.Name);
        Assert.True(item.IsSample);
    }

    [Fact]
    public async Task Only_the_secretariat_may_import()
    {
        var response = await _public.PostAsync("/api/registry/nomenclature/import?preview=true",
            new StringContent("code,level,name,output,indicator,unit\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

// A host of its own: it asserts the documented counts of the shipped nomenclature, which other classes' imports change.
public sealed class NomenclatureTests_on_Sqlite(SqlitePlatformFixture platform) : NomenclatureTests(platform), IClassFixture<SqlitePlatformFixture>;

public sealed class NomenclatureTests_on_PostgreSql(PostgreSqlPlatformFixture platform) : NomenclatureTests(platform), IClassFixture<PostgreSqlPlatformFixture>;

public sealed record NomenclatureItemRow(string Code, string Level, string Name, string? Output, string? Indicator, string? Unit, bool IsSample,
    string? ParentCode, List<string> GovernmentLevels, bool Retired);
