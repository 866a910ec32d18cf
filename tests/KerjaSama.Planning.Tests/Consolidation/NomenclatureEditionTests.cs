using System.Net;
using System.Text;
using System.Text.Json;
using KerjaSama.TestKit;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Consolidation;

/// <summary>
/// Consolidation with the real nomenclature: search by a code's words or number, and a newer edition that drops a code
/// a row uses (the row keeps it, flagged for review). Its own fixture: the edition retires most of the seeded codes.
/// </summary>
public abstract class NomenclatureEditionTests(PlatformFixture platform)
{
    private static Dictionary<string, object?> WithCodes(string potential, string affair, string program, string activity, string sub)
    {
        var fields = MatrixScenario.Opportunity(potential, affair);
        fields[F.ProgramCode] = program;
        fields[F.ActivityCode] = activity;
        fields[F.SubActivityCode] = sub;
        return fields;
    }

    private static async Task<List<JsonElement>> ListAsync(MatrixScenario s, string query) =>
        [.. (await (await s.Admin.GetAsync($"{s.Base}/consolidation?{query}")).ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray()];

    private static Guid RowIdOf(JsonElement item) => item.GetProperty("row").GetProperty("rowId").GetGuid();

    [Fact]
    public async Task Consolidation_finds_rows_by_a_codes_words_or_number_and_flags_codes_a_new_edition_removed()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var waste = await s.AddRowAsync(WithCodes("Pengelolaan sampah regional", "2.11", "2.11.11", "2.11.11.1.01", "2.11.11.1.01.0009"));
        var mothers = await s.AddRowAsync(WithCodes("Layanan ibu hamil di perbatasan", "1.02", "1.02.02", "1.02.02.1.02", "1.02.02.1.02.0001"));

        // Words of the sub kegiatan's name ("Penyusunan Rencana, Kebijakan dan Strategi Daerah Pengelolaan Sampah Provinsi") and a code prefix.
        Assert.Equal([waste], (await ListAsync(s, "q=kebijakan%20strategi%20sampah")).Select(RowIdOf));
        Assert.Equal([mothers], (await ListAsync(s, "q=1.02.02.1")).Select(RowIdOf));
        Assert.All(await ListAsync(s, ""), i => Assert.Empty(i.GetProperty("codesToReview").EnumerateArray()));

        // A new edition with only health (province codes): 1.02.02.1.02.0001 renamed, 0099 added, everything else (2.11 too) removed.
        var edition = "code,level,name,output,indicator,unit,government_levels\n" +
                      "1,urusan,URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR,,,,provinsi;kabupaten_kota\n" +
                      "1.02,bidang_urusan,URUSAN PEMERINTAHAN BIDANG KESEHATAN,,,,provinsi;kabupaten_kota\n" +
                      "1.02.02,program,PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT,,,,provinsi;kabupaten_kota\n" +
                      "1.02.02.1.02,kegiatan,\"Penyediaan Layanan Kesehatan untuk UKP Rujukan, UKM dan UKM Rujukan Tingkat Daerah Provinsi\",,,,provinsi\n" +
                      "1.02.02.1.02.0001,sub_kegiatan,Pengelolaan Pelayanan Kesehatan bagi Penduduk Terdampak Krisis Kesehatan,Terkelolanya pelayanan,Jumlah penduduk,Orang,provinsi\n" +
                      "1.02.02.1.02.0099,sub_kegiatan,Sub Kegiatan Baru Uji,Terlaksananya uji,Jumlah uji,Dokumen,provinsi\n";
        async Task<JsonElement> ImportAsync(string query) =>
            await (await s.Admin.PostAsync($"/api/registry/nomenclature/import?{query}", new StringContent(edition, Encoding.UTF8, "text/csv")))
                .ReadAsync<JsonElement>();
        async Task<int> RetiredAsync() =>
            (await (await platform.Client.GetAsync("/api/registry/nomenclature/stats")).ReadAsync<JsonElement>()).GetProperty("retired").GetInt32();

        var preview = (await ImportAsync("edition=true&preview=true")).GetProperty("report");
        Assert.False(preview.GetProperty("applied").GetBoolean());
        Assert.Equal(["1.02.02.1.02.0099"], preview.GetProperty("added").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        var renamed = Assert.Single(preview.GetProperty("renamed").EnumerateArray());
        Assert.Equal("1.02.02.1.02.0001", renamed.GetProperty("code").GetString());
        Assert.Equal("Pengelolaan Pelayanan Kesehatan bagi Penduduk Terdampak Krisis Kesehatan Akibat Bencana dan/atau Berpotensi Bencana", renamed.GetProperty("oldName").GetString());
        var removed = preview.GetProperty("removed").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Contains("2.11.11.1.01.0009", removed);
        Assert.Equal(21175 - 5, removed.Count); // every shipped row but the five kept (Seed/README.md counts)
        Assert.Equal(0, await RetiredAsync()); // a preview stores nothing
        Assert.Empty((await ListAsync(s, "codeReview=true")));

        var applied = (await ImportAsync("edition=true")).GetProperty("report");
        Assert.True(applied.GetProperty("applied").GetBoolean());
        Assert.Equal(21175 - 5, await RetiredAsync());

        var flagged = Assert.Single(await ListAsync(s, "codeReview=true"));
        Assert.Equal(waste, RowIdOf(flagged));
        Assert.Equal(["2.11.11", "2.11.11.1.01", "2.11.11.1.01.0009"], flagged.GetProperty("codesToReview").EnumerateArray().Select(c => c.GetString()));
        // The row keeps its value; the row with codes of the new edition is not flagged.
        Assert.Equal("2.11.11.1.01.0009", (await s.RowAsync(waste))[F.SubActivityCode].GetString());
        Assert.Empty(Assert.Single(await ListAsync(s, "codeReview=false")).GetProperty("codesToReview").EnumerateArray());
        var page = await s.Admin.GetStringAsync($"/planning/exercises/{s.ExerciseId}");
        Assert.Contains("data-testid=\"code-review\"", page, StringComparison.Ordinal);
        Assert.Contains("2.11.11.1.01.0009", page, StringComparison.Ordinal);
        // Retired codes are left out of the pickers' search unless asked for.
        var search = await (await platform.Client.GetAsync("/api/registry/nomenclature?q=2.11.11.1.01.0009")).ReadAsync<JsonElement>();
        Assert.Equal(0, search.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await platform.Client.GetAsync("/api/registry/nomenclature?q=2.11.11.1.01.0009&includeRetired=true")).StatusCode);
    }
}

// A host of its own: the edition retires most seeded codes, which other classes use.
public sealed class NomenclatureEditionTests_on_Sqlite(SqlitePlatformFixture p) : NomenclatureEditionTests(p), IClassFixture<SqlitePlatformFixture>;
