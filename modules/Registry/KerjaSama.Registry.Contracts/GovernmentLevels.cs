using KerjaSama.SharedKernel;

namespace KerjaSama.Registry.Contracts;

/// <summary>
/// The two government levels that hold concurrent affairs, and the one rule that ties a planning code to its level:
/// the fourth part of a kegiatan or sub kegiatan code is the level digit (<c>1.02.02.1.01</c>: 1 provinsi,
/// <c>1.02.02.2.01</c>: 2 kabupaten/kota). The Registry (nomenclature) and Planning (matrix rows) both call it.
/// </summary>
public static class GovernmentLevels
{
    public const string Province = "provinsi";
    public const string Regency = "kabupaten_kota";

    public static readonly IReadOnlyList<string> All = [Province, Regency];

    public static readonly IReadOnlyList<CodeLabel> Labels =
    [
        new(Province, "Provinsi", "Province"),
        new(Regency, "Kabupaten/kota", "Regency/city"),
    ];

    /// <summary>The level digit of a kegiatan code: 1 for provinsi, 2 for kabupaten/kota.</summary>
    public static char Digit(string level) => level == Province ? '1' : '2';

    /// <summary>The level a kegiatan/sub kegiatan code belongs to, or null for codes without a level part (urusan, programme).</summary>
    public static string? OfCode(string code)
    {
        var parts = code.Split('.');
        if (parts.Length < 4 || parts[3].Length != 1)
            return null;
        return parts[3][0] switch
        {
            '1' => Province,
            '2' => Regency,
            _ => null,
        };
    }

    /// <summary>
    /// True for a kegiatan/sub kegiatan of the series 3–8 (<c>1.01.02.3.03</c>): the nomenclature reuses such a code for
    /// different kegiatan at the two levels, so the code alone does not tell its level; the Registry keys these rows by
    /// (code, level) and a look-up needs the level (docs/adr/0025).
    /// </summary>
    public static bool IsLevelSeries(string code)
    {
        var parts = code.Split('.');
        return parts.Length >= 4 && parts[3].Length == 1 && parts[3][0] is >= '3' and <= '8';
    }

    /// <summary>
    /// False when the code's level part names the other level (digit 1 or 2). Codes without a level part and codes of
    /// the series 3–8 (<see cref="IsLevelSeries"/>) pass: whether the latter exist at the level is the catalogue's answer.
    /// </summary>
    public static bool Fits(string code, string level)
    {
        var parts = code.Split('.');
        return parts.Length < 4 || (parts[3].Length == 1 && (parts[3][0] == Digit(level) || IsLevelSeries(code)));
    }
}
