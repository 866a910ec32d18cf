using System.Net;
using KerjaSama.Modularity.Csv;
using KerjaSama.Registry.Contracts;
using KerjaSama.Registry.Persistence;
using KerjaSama.Registry.Seeding;
using KerjaSama.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Registry.Tests;

public abstract partial class ReferenceDataTests(PlatformFixture platform)
{
    private readonly HttpClient _client = platform.Client;
    private readonly PlatformFixture _platform = platform;

    [Fact]
    public async Task Kalimantan_Tengah_has_its_14_kabupaten_and_kota_as_children()
    {
        var page = await (await _client.GetAsync("/api/registry/regions?parent=62")).ReadAsync<PageOf<RegionRow>>();

        Assert.Equal(14, page.Total);
        Assert.All(page.Items, r => Assert.Equal("62", r.ParentCode));
        Assert.Contains(page.Items, r => r.Code == "62.71" && r.Name == "Kota Palangka Raya" && r.Type == "kota");
        Assert.Contains(page.Items, r => r.Code == "62.06" && r.BpsCode == "6209");
    }

    [Fact]
    public async Task There_are_38_provinces_and_514_kabupaten_and_kota()
    {
        async Task<int> Total(string type) =>
            (await (await _client.GetAsync($"/api/registry/regions?type={type}&pageSize=1")).ReadAsync<PageOf<RegionRow>>()).Total;

        Assert.Equal(38, await Total("provinsi"));
        Assert.Equal(514, await Total("kabupaten") + await Total("kota"));
        Assert.Equal(416, await Total("kabupaten"));
    }

    [Theory]
    [InlineData("palangkaraya", "62.71")]
    [InlineData("PALANGKA  raya", "62.71")]
    [InlineData("Palangka-Raya", "62.71")]
    [InlineData("Kalteng", "62")]
    [InlineData("kalimantan tengah", "62")]
    [InlineData("62.71", "62.71")]
    public async Task Search_ignores_case_spacing_punctuation_and_finds_aliases(string q, string expected)
    {
        var page = await (await _client.GetAsync($"/api/registry/regions?q={Uri.EscapeDataString(q)}")).ReadAsync<PageOf<RegionRow>>();

        Assert.Contains(page.Items, r => r.Code == expected);
        Assert.True(page.Total <= 3, $"'{q}' matched {page.Total} regions");
    }

    [Fact]
    public async Task Kalimantan_Tengah_borders_Kalimantan_Barat_Selatan_and_Timur()
    {
        var neighbours = await (await _client.GetAsync("/api/registry/regions/62/borders")).ReadAsync<List<RegionRow>>();

        Assert.Equal(["61", "63", "64"], neighbours.Select(r => r.Code));
    }

    [Fact]
    public async Task Every_seeded_border_is_returned_from_both_sides()
    {
        var pairs = new[] { "province_borders.csv", "regency_borders.csv" }
            .SelectMany(f => CsvFile.Read(SeedFiles.Read(f)).Skip(1))
            .Select(r => (A: r.Fields[0], B: r.Fields[1])).ToList();
        Assert.True(pairs.Count > 70, $"only {pairs.Count} seeded pairs");
        var expected = pairs.SelectMany(p => new[] { (p.A, p.B), (p.B, p.A) }).ToLookup(p => p.Item1, p => p.Item2);

        foreach (var region in expected)
        {
            var neighbours = await (await _client.GetAsync($"/api/registry/regions/{region.Key}/borders")).ReadAsync<List<RegionRow>>();
            Assert.Equal(region.Order(StringComparer.Ordinal), neighbours.Select(n => n.Code));
        }
    }

    [Fact]
    public async Task An_unknown_region_is_a_404_problem_and_a_malformed_code_names_the_field()
    {
        await (await _client.GetAsync("/api/registry/regions/99")).AssertProblemAsync(HttpStatusCode.NotFound, "region_not_found");
        await (await _client.GetAsync("/api/registry/regions/99.99/borders")).AssertProblemAsync(HttpStatusCode.NotFound, "region_not_found");
        await (await _client.GetAsync("/api/registry/regions/62.7")).AssertValidationProblemAsync("code");
        await (await _client.GetAsync("/api/registry/regions/kalteng/borders")).AssertValidationProblemAsync("code");
    }

    [Fact]
    public async Task A_region_is_found_by_code_with_its_aliases()
    {
        var region = await (await _client.GetAsync("/api/registry/regions/62.71")).ReadAsync<RegionRow>();

        Assert.Equal("62", region.ParentCode);
        Assert.Contains("Palangkaraya", region.Aliases);
    }

    [Fact]
    public async Task Affairs_come_with_codes_and_groups_and_supporting_units_are_not_cooperable()
    {
        var affairs = await (await _client.GetAsync("/api/registry/affairs")).ReadAsync<List<AffairRow>>();
        var cooperable = await (await _client.GetAsync("/api/registry/affairs?cooperable=true")).ReadAsync<List<AffairRow>>();
        var choice = await (await _client.GetAsync("/api/registry/affairs?group=pilihan")).ReadAsync<List<AffairRow>>();

        Assert.Equal(32, cooperable.Count);
        Assert.Contains(affairs, a => a is { Code: "1.02", Name: "Kesehatan", Group: "wajib_pelayanan_dasar", Cooperable: true });
        Assert.Contains(affairs, a => a is { Code: "4.01", Group: "penunjang", Cooperable: false });
        Assert.Equal(8, choice.Count);
    }

    [Fact]
    public async Task An_affair_lists_its_sub_affairs_with_the_levels_that_hold_them()
    {
        var forestry = await (await _client.GetAsync("/api/registry/affairs/3.28")).ReadAsync<AffairDetail>();

        Assert.Contains(forestry.SubAffairs, s => s.Code == "3.28.02" && s.Levels.SequenceEqual(["provinsi"]));
        Assert.Contains(forestry.SubAffairs, s => s.Code == "3.28.03" && s.Levels.Contains("kabupaten_kota"));
        await (await _client.GetAsync("/api/registry/affairs/9.99")).AssertProblemAsync(HttpStatusCode.NotFound, "affair_not_found");
        await (await _client.GetAsync("/api/registry/affairs/x")).AssertValidationProblemAsync("code");
    }

    [Fact]
    public async Task Contracts_answer_bordering_and_affair_levels()
    {
        var regions = _platform.Services.GetRequiredService<IRegionDirectory>();
        var affairs = _platform.Services.GetRequiredService<IAffairCatalog>();
        var ct = CancellationToken.None;

        Assert.True(await regions.AreBorderingAsync("62", "61", ct));
        Assert.True(await regions.AreBorderingAsync("61", "62", ct));
        Assert.True(await regions.AreBorderingAsync("62", "62.71", ct)); // a province and its own kota
        Assert.True(await regions.AreBorderingAsync("62.06", "61.05", ct)); // Katingan–Sintang, across the provincial line
        Assert.False(await regions.AreBorderingAsync("62.03", "62.71", ct)); // Kapuas–Palangka Raya: 8 km apart
        Assert.False(await regions.AreBorderingAsync("62", "11", ct));
        Assert.Equal("Kota Palangka Raya", (await regions.FindAsync("62.71", ct))?.Name);
        Assert.Null(await regions.FindAsync("99", ct));

        Assert.True(await affairs.IsConcurrentAffairOfLevelAsync("3.28", "provinsi", ct));
        Assert.True(await affairs.IsConcurrentAffairOfLevelAsync("3.28", "kabupaten_kota", ct)); // Tahura
        Assert.False(await affairs.IsConcurrentAffairOfLevelAsync("4.01", "provinsi", ct));
        Assert.False(await affairs.IsConcurrentAffairOfLevelAsync("9.99", "provinsi", ct));
        var land = await affairs.FindAsync("2.10", ct); // no sub-affairs recorded yet: both levels by default
        Assert.NotNull(land);
        Assert.False(land.LevelsFromSubAffairs);
        Assert.Equal(["provinsi", "kabupaten_kota"], land.Levels);
        var labour = await affairs.FindAsync("2.07", ct); // labour inspection is provincial only, the rest both
        Assert.NotNull(labour);
        Assert.True(labour.LevelsFromSubAffairs);
        Assert.Equal(["provinsi", "kabupaten_kota"], labour.Levels);
    }

    [Fact]
    public async Task Seeding_again_applies_no_file_and_leaves_the_data_as_it_was()
    {
        var factory = _platform.Services.GetRequiredService<IDbContextFactory<RegistryDb>>();
        async Task<(Dictionary<string, DateTimeOffset> Seeds, int Regions, int Borders, int Organisations)> SnapshotAsync()
        {
            await using var db = await factory.CreateDbContextAsync();
            return (await db.Seeds.ToDictionaryAsync(s => s.Name, s => s.AppliedAt), await db.Regions.CountAsync(),
                await db.Borders.CountAsync(), await db.Organisations.CountAsync(o => o.Code.StartsWith("pemda-")));
        }

        var before = await SnapshotAsync();
        await _platform.Services.GetRequiredService<RegistrySeeder>().SeedAsync(CancellationToken.None);
        var after = await SnapshotAsync();

        Assert.Equal(8, before.Seeds.Count);
        Assert.Equal(before.Seeds, after.Seeds);
        Assert.Equal((552, 2 * (SeedRows("province_borders.csv") + SeedRows("regency_borders.csv")), 552), (after.Regions, after.Borders, after.Organisations));
    }

    [Fact]
    public async Task The_region_page_shows_its_borders_and_the_list_page_searches_aliases()
    {
        var detail = await _client.GetStringAsync("/registry/regions/62");
        var search = await _client.GetStringAsync("/registry/regions?q=palangkaraya");

        Assert.Contains("<h1>Kalimantan Tengah</h1>", detail, StringComparison.Ordinal);
        Assert.Contains("href=\"/registry/regions/61\"", detail, StringComparison.Ordinal);
        Assert.Contains("href=\"/registry/regions/64\"", detail, StringComparison.Ordinal);
        Assert.Contains("Kota Palangka Raya", search, StringComparison.Ordinal);
        Assert.DoesNotContain("Kabupaten Kapuas", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_region_has_a_government_organisation_with_a_stable_id()
    {
        var directory = _platform.Services.GetRequiredService<IOrganisationDirectory>();
        var id = DeterministicGuid.ForOrganisation("pemda-62.71");

        var palangkaRaya = await directory.FindAsync(id, CancellationToken.None);
        var governments = await (await _client.GetAsync("/api/registry/organisations?kind=government&pageSize=1")).ReadAsync<PageOf<OrganisationRow>>();
        var province = await (await _client.GetAsync("/api/registry/organisations?kind=government&region=62")).ReadAsync<PageOf<OrganisationRow>>();
        var agencies = await (await _client.GetAsync("/api/registry/organisations?kind=agency&region=62&pageSize=1")).ReadAsync<PageOf<OrganisationRow>>();

        Assert.Equal("Pemerintah Kota Palangka Raya", palangkaRaya?.Name);
        Assert.True(palangkaRaya!.IsPartner);
        Assert.Equal(552, governments.Total);
        Assert.Equal("Pemerintah Provinsi Kalimantan Tengah", Assert.Single(province.Items).Name);
        Assert.True(agencies.Total >= 36);
    }
}

// A host of its own: it counts seeded regions, governments and sub-affairs (ImportTests adds sub-affairs) and re-runs the seeds.
public sealed class ReferenceDataTests_on_Sqlite(SqlitePlatformFixture platform) : ReferenceDataTests(platform), IClassFixture<SqlitePlatformFixture>;

public sealed class ReferenceDataTests_on_PostgreSql(PostgreSqlPlatformFixture platform)
    : ReferenceDataTests(platform), IClassFixture<PostgreSqlPlatformFixture>;
