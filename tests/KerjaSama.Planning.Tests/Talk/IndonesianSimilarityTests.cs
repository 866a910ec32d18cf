using KerjaSama.Planning.Live;
using Xunit;

namespace KerjaSama.Planning.Tests.Talk;

public sealed class IndonesianSimilarityTests
{
    [Theory]
    [InlineData("Peningkatan pelayanan rujukan pasien lintas batas Kab. Katingan", "peningkatan  pelayanan RUJUKAN pasien lintas-batas kabupaten Katingan")]
    [InlineData("Pengelolaan sampah bersama Pemda Kota Palangka Raya & Kab Pulang Pisau", "pengelolaan sampah bersama pemerintah daerah kota palangka raya dan kabupaten pulang pisau")]
    [InlineData("Rujukan pasien lintas batas", "Rujukan pasien lintas batas wilayah")]
    [InlineData("Pengembangan wisata susur sungai Kahayan", "Pengembangan wisata susur sungai kahayan yg berkelanjutan")]
    [InlineData("Penyediaan air bersih dlm kawasan perbatasan prov", "penyediaan air bersih di kawasan perbatasan provinsi")]
    [InlineData("Pelatihan SDM pariwisata Kalteng", "Pelatihan sumber daya manusia pariwisata Kalimantan Tengah")]
    [InlineData("Jaringan irigasi desa perbatasan", "Jaringan irigasi desa-desa perbatasan")]
    public void Texts_that_say_the_same_are_flagged(string a, string b)
    {
        var score = IndonesianSimilarity.Score(a, b);
        Assert.True(score >= IndonesianSimilarity.Threshold, $"{score} for '{a}' / '{b}'");
        Assert.Equal(score, IndonesianSimilarity.Score(b, a));
    }

    [Theory]
    [InlineData("Rujukan pasien lintas batas", "Pengelolaan sampah regional")]
    [InlineData("Pengembangan wisata susur sungai Kahayan", "Pengembangan wisata budaya Dayak")]
    [InlineData("Penyediaan air bersih", "Pengolahan air limbah")]
    [InlineData("Peningkatan kapasitas guru PAUD", "Beasiswa mahasiswa kedokteran")]
    [InlineData("Pengendalian kebakaran hutan dan lahan", "Rehabilitasi hutan mangrove pesisir")]
    [InlineData("Jalan provinsi ruas Palangka Raya - Kuala Kurun", "Jembatan kabupaten di Kuala Kapuas")]
    public void Texts_on_different_things_are_not_flagged(string a, string b)
    {
        var score = IndonesianSimilarity.Score(a, b);
        Assert.True(score < IndonesianSimilarity.Threshold, $"{score} for '{a}' / '{b}'");
    }

    [Fact]
    public void Case_spacing_punctuation_and_abbreviations_are_ignored()
    {
        Assert.Equal("pemerintah daerah kabupaten katingan", IndonesianSimilarity.Normalise("  PEMDA,  Kab.  Katingan!! "));
        Assert.Equal("pemerintah provinsi kalimantan tengah kota", IndonesianSimilarity.Normalise("Pemprov Kalteng & Kota"));
        Assert.Equal(1.0, IndonesianSimilarity.Score("Rujukan pasien (lintas batas)", "rujukan PASIEN lintas-batas"));
    }

    [Fact]
    public void Peningkatan_and_pengembangan_are_different_words()
    {
        Assert.NotEqual(IndonesianSimilarity.Normalise("peningkatan jalan"), IndonesianSimilarity.Normalise("pengembangan jalan"));
        // Not merged, so not the same; the rest of the short text alike still offers the pair to its authors.
        var score = IndonesianSimilarity.Score("Peningkatan jalan provinsi", "Pengembangan jalan provinsi");
        Assert.InRange(score, IndonesianSimilarity.Threshold, 0.99);
    }

    [Theory]
    [InlineData("", "Air bersih")]
    [InlineData("   ", "Air bersih")]
    [InlineData("dan yang di", "dan yang di")]
    public void Empty_or_filler_only_texts_resemble_nothing(string a, string b) => Assert.Equal(0, IndonesianSimilarity.Score(a, b));
}
