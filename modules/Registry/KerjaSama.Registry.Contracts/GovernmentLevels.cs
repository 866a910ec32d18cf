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

    /// <summary>True when the code can be used at <paramref name="level"/>: it has no level part, or its level part is the level's digit.</summary>
    public static bool Fits(string code, string level)
    {
        var parts = code.Split('.');
        return parts.Length < 4 || (parts[3].Length == 1 && parts[3][0] == Digit(level));
    }
}
