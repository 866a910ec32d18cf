using KerjaSama.Registry.Seeding;

namespace KerjaSama.Registry.Tests;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("PALANGKA  raya", "palangkaraya")]
    [InlineData("Palangka-Raya", "palangkaraya")]
    [InlineData("  Bau-Bau. ", "baubau")]
    [InlineData("Tojo Una-Una", "tojounauna")]
    [InlineData("Dinas Kesehatan (Dinkes)", "dinaskesehatandinkes")]
    [InlineData("Sumatéra", "sumatera")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalise_ignores_case_spacing_punctuation_and_diacritics(string? text, string expected) =>
        Assert.Equal(expected, SearchText.Normalise(text));

    [Fact]
    public void Key_holds_the_name_and_every_alias_between_bars()
    {
        var key = SearchText.Key("Kota Palangka Raya", ["Palangkaraya", "palangka raya"]);

        Assert.Equal("|kotapalangkaraya|palangkaraya|", key);
    }

    [Fact]
    public void Deterministic_ids_are_stable_version_5_uuids()
    {
        var a = DeterministicGuid.ForOrganisation("pemda-62");

        Assert.Equal(a, DeterministicGuid.ForOrganisation("pemda-62"));
        Assert.NotEqual(a, DeterministicGuid.ForOrganisation("pemda-63"));
        Assert.Equal(5, a.Version);
        // RFC 9562 test vector: the DNS namespace and "www.example.com".
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"),
            DeterministicGuid.Create(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"));
    }

    [Theory]
    [InlineData("1.02.02", "program")]
    [InlineData("1.02.02.2.01", "kegiatan")]
    [InlineData("1.02.02.1.01.0001", "sub_kegiatan")]
    [InlineData("1.02.02.3.01", "kegiatan")] // series 3-8 are kegiatan too (ADR 0025)
    [InlineData("1.02.02.9.01", null)]
    [InlineData("1.02.02.0.01", null)]
    [InlineData("1.2.02", null)]
    [InlineData("1.02.02.2.01.001", null)]
    public void Nomenclature_levels_follow_from_the_code_shape(string code, string? level) =>
        Assert.Equal(level, Codes.NomenclatureLevelOf(code));

    [Theory]
    [InlineData("1.02.02.2.01.0001", "1.02.02.2.01")]
    [InlineData("1.02.02.2.01", "1.02.02")]
    [InlineData("1.02.02", "1.02")]
    public void A_nomenclature_code_names_its_parent(string code, string parent) =>
        Assert.Equal(parent, Codes.ParentOf(code));
}
