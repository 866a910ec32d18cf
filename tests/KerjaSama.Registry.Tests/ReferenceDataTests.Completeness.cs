using System.Net;
using System.Text.RegularExpressions;
using KerjaSama.Modularity.Csv;
using KerjaSama.Registry.Contracts;
using KerjaSama.Registry.Persistence;
using KerjaSama.Registry.Seeding;
using KerjaSama.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Registry.Tests;

/// <summary>Completeness of the shipped reference data (issue 20, deliverable 2), read through the HTTP API.</summary>
public abstract partial class ReferenceDataTests
{
    private static int SeedRows(string file) => CsvFile.Read(SeedFiles.Read(file)).Count - 1;

    private async Task<List<RegionRow>> AllRegionsAsync()
    {
        var all = new List<RegionRow>();
        for (var page = 1; ; page++)
        {
            var batch = await (await _client.GetAsync($"/api/registry/regions?page={page}&pageSize=500")).ReadAsync<PageOf<RegionRow>>();
            all.AddRange(batch.Items);
            if (all.Count >= batch.Total || batch.Items.Count == 0)
                return all;
        }
    }

    [Fact]
    public async Task Every_kabupaten_and_kota_has_a_unique_four_digit_BPS_code_under_its_province_BPS_code()
    {
        var regions = await AllRegionsAsync();
        var provinces = regions.Where(r => r.Type == "provinsi").ToDictionary(r => r.Code);
        var regencies = regions.Where(r => r.Type != "provinsi").ToList();

        Assert.Equal(514, regencies.Count);
        Assert.All(provinces.Values, p => Assert.Matches("^[0-9]{2}$", p.BpsCode ?? ""));
        Assert.All(regencies, r =>
        {
            Assert.Matches("^[0-9]{4}$", r.BpsCode ?? "");
            Assert.StartsWith(provinces[r.ParentCode!].BpsCode!, r.BpsCode, StringComparison.Ordinal);
        });
        Assert.Equal(514, regencies.Select(r => r.BpsCode).Distinct().Count());
        // Papua after the 2022 split: BPS numbers the new provinces 92, 95, 96, 97 and renumbered their regencies.
        Assert.Equal("9601", regions.Single(r => r.Code == "94.04").BpsCode); // Mimika, Papua Tengah
        Assert.Equal("9702", regions.Single(r => r.Code == "95.01").BpsCode); // Jayawijaya, Papua Pegunungan
        Assert.Equal("9271", regions.Single(r => r.Code == "96.71").BpsCode); // Kota Sorong, Papua Barat Daya
    }

    [Fact]
    public async Task Supporting_units_5_06_and_5_07_exist_as_in_the_current_nomenclature()
    {
        var border = await (await _client.GetAsync("/api/registry/affairs/5.07")).ReadAsync<AffairDetail>();
        var liaison = await (await _client.GetAsync("/api/registry/affairs/5.06")).ReadAsync<AffairDetail>();
        var supporting = await (await _client.GetAsync("/api/registry/affairs?group=penunjang")).ReadAsync<List<AffairRow>>();

        Assert.Equal(("Pengelolaan Perbatasan Daerah", "penunjang", false), (border.Name, border.Group, border.Cooperable));
        Assert.Equal("Penghubung", liaison.Name);
        Assert.Equal(["4.01", "4.02", "5.01", "5.02", "5.03", "5.04", "5.05", "5.06", "5.07", "6.01", "7.01", "8.01"],
            supporting.Select(a => a.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Borders_are_symmetric_between_existing_regions_and_every_Kalimantan_regency_of_61_to_64_has_one()
    {
        var regions = await AllRegionsAsync();
        var codes = regions.Select(r => r.Code).ToHashSet();
        var borders = new Dictionary<string, HashSet<string>>();
        foreach (var region in regions)
        {
            var neighbours = await (await _client.GetAsync($"/api/registry/regions/{region.Code}/borders")).ReadAsync<List<RegionRow>>();
            borders[region.Code] = [.. neighbours.Select(n => n.Code)];
        }

        foreach (var (code, neighbours) in borders)
        {
            Assert.DoesNotContain(code, neighbours);
            Assert.All(neighbours, n =>
            {
                Assert.Contains(n, codes);
                Assert.True(borders[n].Contains(code), $"{n} borders {code} but not the other way round");
                Assert.Equal(code.Length, n.Length); // provinces border provinces, regencies border regencies
            });
        }

        var kalimantan = regions.Where(r => r.ParentCode is "61" or "62" or "63" or "64").ToList();
        Assert.Equal(14 + 14 + 13 + 10, kalimantan.Count);
        Assert.All(kalimantan, r => Assert.True(borders[r.Code].Count > 0, $"{r.Code} {r.Name} has no border"));
        Assert.Contains("64.11", borders["61.06"]); // Kapuas Hulu–Mahakam Ulu: the Kalbar–Kaltim line
        Assert.Contains("64.01", borders["63.09"]); // Tabalong–Paser
        Assert.DoesNotContain("62.71", borders["62.03"]); // Kapuas–Palangka Raya: 8 km apart
        Assert.DoesNotContain("74.14", borders["74.06"]); // Bombana–Buton Tengah: separate islands
        Assert.Empty(borders["21.71"]); // Kota Batam: islands only
        var edges = borders.Sum(b => b.Value.Count);
        Assert.Equal(2 * (SeedRows("province_borders.csv") + SeedRows("regency_borders.csv")), edges);
    }

    [Fact]
    public async Task Bordering_holds_for_regencies_anywhere_in_Indonesia_and_the_region_page_lists_them()
    {
        var regions = _platform.Services.GetRequiredService<IRegionDirectory>();
        var ct = CancellationToken.None;

        Assert.True(await regions.AreBorderingAsync("35.78", "35.15", ct)); // Kota Surabaya–Sidoarjo
        Assert.True(await regions.AreBorderingAsync("95.08", "94.04", ct)); // Nduga–Mimika, across the Papua provinces
        Assert.True(await regions.AreBorderingAsync("64.07", "62.05", ct)); // Kutai Barat–Barito Utara
        Assert.False(await regions.AreBorderingAsync("35.78", "35.26", ct)); // Surabaya–Bangkalan: the Madura strait
        Assert.False(await regions.AreBorderingAsync("82.71", "82.72", ct)); // Ternate–Tidore: two islands

        var page = await _client.GetStringAsync("/registry/regions/64.07");
        Assert.Contains("href=\"/registry/regions/64.11\"", page, StringComparison.Ordinal); // Mahakam Ulu
        Assert.Contains("href=\"/registry/regions/62.05\"", page, StringComparison.Ordinal); // Barito Utara
    }

    // Sub-affairs per concurrent affair and the rows per level (provinsi, kabupaten_kota), as Seed/README.md documents them
    // (section sub_affairs.csv, 2026-12-07). The 7 affairs not listed here have no sub-affair yet.
    private static readonly SortedDictionary<string, (int SubAffairs, int Provinsi, int KabupatenKota)> SubAffairCounts = new(StringComparer.Ordinal)
    {
        ["1.01"] = (5, 5, 5), ["1.02"] = (4, 4, 4), ["1.03"] = (11, 11, 11), ["1.04"] = (5, 4, 5), ["1.06"] = (6, 6, 6),
        ["2.07"] = (4, 4, 3), ["2.08"] = (6, 6, 6), ["2.09"] = (4, 4, 4), ["2.11"] = (11, 11, 11), ["2.12"] = (4, 4, 4),
        ["2.13"] = (4, 4, 4), ["2.14"] = (3, 3, 3), ["2.15"] = (4, 3, 4), ["2.17"] = (7, 7, 7), ["2.18"] = (5, 5, 5),
        ["2.19"] = (3, 3, 3), ["2.20"] = (1, 1, 1), ["2.21"] = (1, 1, 1), ["2.24"] = (3, 3, 3), ["3.26"] = (4, 4, 4),
        ["3.27"] = (5, 5, 5), ["3.28"] = (4, 4, 1), ["3.30"] = (6, 6, 6), ["3.31"] = (3, 3, 3), ["3.32"] = (3, 3, 3),
    };

    [Fact]
    public async Task Sub_affairs_nest_under_their_affair_with_the_documented_count_per_affair_and_per_level()
    {
        var affairs = await (await _client.GetAsync("/api/registry/affairs?cooperable=true")).ReadAsync<List<AffairRow>>();
        var counts = new SortedDictionary<string, (int, int, int)>(StringComparer.Ordinal);
        foreach (var affair in affairs.Where(a => a.SubAffairCount > 0))
        {
            var detail = await (await _client.GetAsync($"/api/registry/affairs/{affair.Code}")).ReadAsync<AffairDetail>();
            Assert.All(detail.SubAffairs, s =>
            {
                Assert.Matches(@"^[1-3]\.[0-9]{2}\.[0-9]{2}$", s.Code);
                Assert.StartsWith(affair.Code + ".", s.Code, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(s.Name));
                Assert.NotEmpty(s.Levels);
            });
            Assert.Equal(affair.SubAffairCount, detail.SubAffairs.Count);
            counts[affair.Code] = (detail.SubAffairs.Count, detail.SubAffairs.Count(s => s.Levels.Contains("provinsi")),
                detail.SubAffairs.Count(s => s.Levels.Contains("kabupaten_kota")));
        }

        Assert.Equal(SubAffairCounts.Select(c => (c.Key, c.Value)), counts.Select(c => (c.Key, c.Value)));
        Assert.Equal((116, 114, 112), (counts.Values.Sum(c => c.Item1), counts.Values.Sum(c => c.Item2), counts.Values.Sum(c => c.Item3)));
        Assert.Equal(["1.05", "2.10", "2.16", "2.22", "2.23", "3.25", "3.29"],
            affairs.Where(a => a.SubAffairCount == 0).Select(a => a.Code));

        var labour = await (await _client.GetAsync("/api/registry/affairs/2.07")).ReadAsync<AffairDetail>();
        Assert.Equal(["provinsi"], Assert.Single(labour.SubAffairs, s => s.Code == "2.07.04").Levels); // Pengawasan Ketenagakerjaan
        var housing = await (await _client.GetAsync("/api/registry/affairs/1.04")).ReadAsync<AffairDetail>();
        Assert.Equal(["kabupaten_kota"], Assert.Single(housing.SubAffairs, s => s.Code == "1.04.03").Levels); // kumuh prevention
        var cooperatives = await (await _client.GetAsync("/api/registry/affairs/2.17")).ReadAsync<AffairDetail>();
        Assert.DoesNotContain(cooperatives.SubAffairs, s => s.Code == "2.17.01"); // Badan Hukum Koperasi: central government only
    }

    [Fact]
    public void Sub_affair_codes_are_unique_per_level_in_the_seed_file_and_both_levels_share_one_name()
    {
        var rows = CsvFile.Read(SeedFiles.Read("sub_affairs.csv")).Skip(1)
            .Select(r => (Affair: r.Fields[0], Code: r.Fields[1], Name: r.Fields[2], Level: r.Fields[3])).ToList();

        Assert.Equal(226, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => (r.Code, r.Level)).Distinct().Count());
        Assert.All(rows.GroupBy(r => r.Code), g => Assert.Single(g.Select(r => (r.Affair, r.Name)).Distinct()));
        Assert.Equal((114, 112), (rows.Count(r => r.Level == "provinsi"), rows.Count(r => r.Level == "kabupaten_kota")));
    }

    [Fact]
    public async Task The_affairs_page_lists_the_new_sub_affairs_with_their_levels()
    {
        var page = await _client.GetStringAsync("/registry/affairs");

        Assert.Contains("1.03.05 Drainase <small>(provinsi, kabupaten_kota)</small>", page, StringComparison.Ordinal);
        Assert.Contains("2.07.04 Pengawasan Ketenagakerjaan <small>(provinsi)</small>", page, StringComparison.Ordinal);
        Assert.Contains("3.32.03 Pengembangan Kawasan Transmigrasi", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seed_README_table_gives_the_row_count_of_every_seed_file()
    {
        var readme = File.ReadAllText(SeedReadmePath());
        var rows = Regex.Matches(readme, @"^\| `(?<file>[a-z_]+\.csv)` \| (?<rows>[0-9]+)\b", RegexOptions.Multiline);

        Assert.Equal(7, rows.Count);
        Assert.All(rows, m => Assert.Equal(SeedRows(m.Groups["file"].Value), int.Parse(m.Groups["rows"].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(552, SeedRows("regions.csv"));
    }

    [Fact]
    public async Task A_changed_seed_file_is_upserted_on_an_existing_database_without_duplicates_and_quickly()
    {
        var factory = _platform.Services.GetRequiredService<IDbContextFactory<RegistryDb>>();
        var seeder = _platform.Services.GetRequiredService<RegistrySeeder>();
        string[] files = ["regions.csv", "regency_borders.csv", "affairs.csv"];
        async Task<(int Regions, int Borders, int Affairs, int Governments, string? Mimika)> CountsAsync()
        {
            await using var db = await factory.CreateDbContextAsync();
            return (await db.Regions.CountAsync(), await db.Borders.CountAsync(), await db.Affairs.CountAsync(),
                await db.Organisations.CountAsync(o => o.Code.StartsWith("pemda-")),
                await db.Regions.Where(r => r.Code == "94.04").Select(r => r.BpsCode).SingleAsync());
        }

        var before = await CountsAsync();
        await using (var db = await factory.CreateDbContextAsync())
        {
            // An older edition of the files: a stale hash, and a value the old regions.csv had (no BPS code for Mimika).
            foreach (var seed in await db.Seeds.Where(s => files.Contains(s.Name)).ToListAsync())
                seed.Hash = "stale";
            (await db.Regions.SingleAsync(r => r.Code == "94.04")).BpsCode = null;
            await db.SaveChangesAsync();
        }

        await seeder.SeedAsync(CancellationToken.None);
        await seeder.SeedAsync(CancellationToken.None); // nothing changed since: applies nothing, duplicates nothing

        var after = await CountsAsync();
        Assert.Equal(before, after);
        Assert.Equal("9601", after.Mimika);
        await using (var db = await factory.CreateDbContextAsync())
        {
            var hashes = await db.Seeds.Where(s => files.Contains(s.Name)).ToDictionaryAsync(s => s.Name, s => s.Hash);
            Assert.All(files, f => Assert.Equal(SeedFiles.Hash(SeedFiles.Read(f)), hashes[f]));
        }

        var mimika = await (await _client.GetAsync("/api/registry/regions/94.04")).ReadAsync<RegionRow>();
        Assert.Equal("9601", mimika.BpsCode);
        await (await _client.GetAsync("/api/registry/affairs/5.08")).AssertProblemAsync(HttpStatusCode.NotFound, "affair_not_found");
    }

    private static string SeedReadmePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "modules", "Registry", "KerjaSama.Registry", "Seed", "README.md");
            if (File.Exists(path))
                return path;
        }

        throw new FileNotFoundException("modules/Registry/KerjaSama.Registry/Seed/README.md not found above the test output folder.");
    }
}
