namespace KerjaSama.Modularity.Documents;

/// <summary>
/// Numbers and dates spelled out as Indonesian minutes write them: "dua ribu dua puluh enam", and the opening of a
/// berita acara "hari ini Kamis tanggal tiga bulan Desember tahun dua ribu dua puluh enam".
/// </summary>
public static class IndonesianWords
{
    private static readonly string[] Units =
        ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"];

    /// <summary>0 to 999 999 999 in words ("sebelas", "dua puluh satu", "seratus", "seribu sembilan ratus").</summary>
    public static string Number(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 999_999_999);
        return n == 0 ? Units[0] : Spell(n).Trim();
    }

    /// <summary>"Kamis tanggal tiga bulan Desember tahun dua ribu dua puluh enam".</summary>
    public static string Date(DateOnly date) =>
        $"{IndonesianDates.DayName(date)} tanggal {Number(date.Day)} bulan {IndonesianDates.MonthName(date)} tahun {Number(date.Year)}";

    private static string Spell(long n) => n switch
    {
        < 12 => Units[n],
        < 20 => Units[n - 10] + " belas",
        < 100 => Units[n / 10] + " puluh" + Rest(n % 10),
        < 200 => "seratus" + Rest(n - 100),
        < 1000 => Units[n / 100] + " ratus" + Rest(n % 100),
        < 2000 => "seribu" + Rest(n - 1000),
        < 1_000_000 => Spell(n / 1000) + " ribu" + Rest(n % 1000),
        _ => Spell(n / 1_000_000) + " juta" + Rest(n % 1_000_000),
    };

    private static string Rest(long n) => n == 0 ? "" : " " + Spell(n);
}
