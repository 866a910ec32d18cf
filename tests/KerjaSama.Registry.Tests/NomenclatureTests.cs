using System.Net;
using System.Text;
using System.Text.Json;
using KerjaSama.Modularity.Csv;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;
using KerjaSama.TestKit;
using Microsoft.Extensions.DependencyInjection;

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
        // Rows, not codes: a kegiatan of the series 3-8 that both levels have counts once per level.
        Assert.Equal([9, 49, 268, 3263, 17586], Counts(stats.GetProperty("levels")));
        Assert.Equal([9, 49, 265, 1776, 9263], Counts(stats.GetProperty("byGovernmentLevel").GetProperty("provinsi")));
        Assert.Equal([9, 44, 232, 1487, 8323], Counts(stats.GetProperty("byGovernmentLevel").GetProperty("kabupaten_kota")));
        var byUrusan = stats.GetProperty("byUrusan");
        Assert.Equal([1, 6, 44, 532, 3749], Counts(byUrusan.GetProperty("1")));
        Assert.Equal([1, 18, 113, 1330, 6293], Counts(byUrusan.GetProperty("2")));
        Assert.Equal([1, 8, 46, 653, 2961], Counts(byUrusan.GetProperty("3")));
        Assert.Equal([1, 2, 16, 142, 727], Counts(byUrusan.GetProperty("4")));
        Assert.Equal([1, 7, 19, 307, 1992], Counts(byUrusan.GetProperty("5")));
        Assert.Equal([1, 1, 3, 44, 250], Counts(byUrusan.GetProperty("6")));
        Assert.Equal([1, 3, 11, 97, 625], Counts(byUrusan.GetProperty("7")));
        Assert.Equal([1, 1, 6, 46, 286], Counts(byUrusan.GetProperty("8")));
        Assert.Equal([1, 3, 10, 112, 703], Counts(byUrusan.GetProperty("9")));
        Assert.Equal(0, stats.GetProperty("retired").GetInt32());
    }

    [Fact]
    public async Task Every_code_nests_under_a_stored_parent_of_the_level_above_and_shares_its_government_level()
    {
        var rows = CsvFile.Read(await _public.GetStringAsync("/api/registry/nomenclature/export")).Skip(1)
            .Select(r => (Code: r.Fields[0], Level: r.Fields[1], Gov: r.Fields[6].Split(';', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        // A kegiatan/sub kegiatan of the series 3-8 is keyed by (code, its one level); every other code is unique.
        static bool Series(string code) => code.Split('.') is { Length: >= 5 } p && p[3] is "3" or "4" or "5" or "6" or "7" or "8";
        static string KeyOf(string code, string[] gov) => Series(code) ? $"{code}@{string.Join(';', gov)}" : code;
        var byKey = rows.ToDictionary(r => KeyOf(r.Code, r.Gov));

        Assert.Equal(21175, rows.Count);
        Assert.Equal(3710, rows.Count(r => Series(r.Code)));
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
            Assert.True(byKey.TryGetValue(KeyOf(parentCode, gov), out var parent), $"{code} has no parent {parentCode}");
            Assert.Equal(Levels[depth - 1], parent.Level);
            Assert.All(gov, g => Assert.Contains(g, parent.Gov));
            if (level is "kegiatan" or "sub_kegiatan")
            {
                var digit = code.Split('.')[3];
                var single = Assert.Single(gov);
                if (!Series(code))
                    Assert.Equal(digit == "1" ? "provinsi" : "kabupaten_kota", single);
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
    public async Task A_series_3_kegiatan_is_found_at_each_level_with_its_own_name_by_the_picker_and_the_catalogue()
    {
        async Task<List<NomenclatureItemRow>> PickAsync(string q, string? governmentLevel) =>
            (await (await _public.GetAsync($"/api/registry/nomenclature?level=kegiatan&q={Uri.EscapeDataString(q)}"
                + (governmentLevel is null ? "" : $"&governmentLevel={governmentLevel}"))).ReadAsync<PageOf<NomenclatureItemRow>>()).Items;

        // The board's picker asks with the exercise's level, by number and by words.
        var province = Assert.Single(await PickAsync("1.01.02.3.03", "provinsi"));
        Assert.Equal(("Pengelolaan Pendidikan Khusus", "1.01.02"), (province.Name, province.ParentCode));
        Assert.Equal(["provinsi"], province.GovernmentLevels);
        var regency = Assert.Single(await PickAsync("1.01.02.3.03", "kabupaten_kota"));
        Assert.Equal("Pengelolaan Pendidikan Anak Usia Dini (PAUD)", regency.Name);
        Assert.Equal(["kabupaten_kota"], regency.GovernmentLevels);
        Assert.Equal(2, (await PickAsync("1.01.02.3.03", null)).Count);
        Assert.Contains(await PickAsync("pendidikan anak usia dini", "kabupaten_kota"), i => i.Code == "1.01.02.3.03");
        Assert.DoesNotContain(await PickAsync("pendidikan anak usia dini", "provinsi"), i => i.Code == "1.01.02.3.03");

        // Other modules (the matrix's validation, the consolidation and export names) look a code up with the exercise's level.
        var catalog = platform.Services.GetRequiredService<INomenclatureCatalog>();
        var ct = CancellationToken.None;
        Assert.Equal("Pengelolaan Pendidikan Khusus", (await catalog.FindAsync("1.01.02.3.03", GovernmentLevels.Province, ct))?.Name);
        Assert.Equal("Pengelolaan Pendidikan Anak Usia Dini (PAUD)", (await catalog.FindAsync("1.01.02.3.03", GovernmentLevels.Regency, ct))?.Name);
        Assert.Null(await catalog.FindAsync("1.02.07.3.02", GovernmentLevels.Province, ct)); // kabupaten/kota only
        Assert.NotNull(await catalog.FindAsync("1.02.07.3.02", GovernmentLevels.Regency, ct));
        var many = await catalog.FindManyAsync(["1.01.02", "1.01.02.3.03", "1.01.02.1.01"], GovernmentLevels.Regency, ct);
        Assert.Equal(["1.01.02", "1.01.02.1.01", "1.01.02.3.03"], many.Select(i => i.Code).Order(StringComparer.Ordinal));
        Assert.Equal("Pengelolaan Pendidikan Anak Usia Dini (PAUD)", many.Single(i => i.Code == "1.01.02.3.03").Name);
        var listed = await catalog.ListAsync("kegiatan", "1.01.02.", GovernmentLevels.Province, 500, ct);
        Assert.Contains(listed, i => i is { Code: "1.01.02.3.03", Name: "Pengelolaan Pendidikan Khusus" });
        Assert.DoesNotContain(listed, i => i.Code.StartsWith("1.01.02.2.", StringComparison.Ordinal));
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
        Assert.All(provincial.Items, i => Assert.DoesNotContain(".2.", i.Code[7..], StringComparison.Ordinal));
        Assert.All(provincial.Items, i => Assert.Equal(["provinsi"], i.GovernmentLevels));
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
