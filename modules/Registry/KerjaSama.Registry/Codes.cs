using System.Text.RegularExpressions;

namespace KerjaSama.Registry;

/// <summary>The shapes of the codes the Registry keeps; codes are validated, never derived from positions.</summary>
internal static partial class Codes
{
    public const string ProgramLevel = "program";
    public const string KegiatanLevel = "kegiatan";
    public const string SubKegiatanLevel = "sub_kegiatan";
    public const string ProvinceLevel = "provinsi";
    public const string RegencyLevel = "kabupaten_kota";

    public static readonly IReadOnlyList<string> NomenclatureLevels = [ProgramLevel, KegiatanLevel, SubKegiatanLevel];
    public static readonly IReadOnlyList<string> GovernmentLevels = [ProvinceLevel, RegencyLevel];

    [GeneratedRegex(@"^\d{2}(\.\d{2})?$")]
    public static partial Regex Region();

    [GeneratedRegex(@"^\d\.\d{2}$")]
    public static partial Regex Affair();

    [GeneratedRegex(@"^\d\.\d{2}\.\d{2}$")]
    public static partial Regex SubAffair();

    [GeneratedRegex(@"^\d\.\d{2}\.\d{2}$")]
    public static partial Regex Program();

    [GeneratedRegex(@"^\d\.\d{2}\.\d{2}\.[12]\.\d{2}$")]
    public static partial Regex Kegiatan();

    [GeneratedRegex(@"^\d\.\d{2}\.\d{2}\.[12]\.\d{2}\.\d{4}$")]
    public static partial Regex SubKegiatan();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{1,39}$")]
    public static partial Regex Organisation();

    /// <summary>The nomenclature level a code's shape means, or null when it has none of the three shapes.</summary>
    public static string? NomenclatureLevelOf(string code) =>
        Program().IsMatch(code) ? ProgramLevel
        : Kegiatan().IsMatch(code) ? KegiatanLevel
        : SubKegiatan().IsMatch(code) ? SubKegiatanLevel
        : null;

    /// <summary>
    /// The code one level up: sub kegiatan <c>1.02.02.2.01.0001</c> → kegiatan <c>1.02.02.2.01</c> → program
    /// <c>1.02.02</c> (the level digit and kegiatan number go together) → affair <c>1.02</c>.
    /// </summary>
    public static string ParentOf(string code) => NomenclatureLevelOf(code) switch
    {
        ProgramLevel => code[..^3],
        KegiatanLevel => code[..^5],
        SubKegiatanLevel => code[..^5],
        _ => throw new ArgumentException($"'{code}' is not a nomenclature code.", nameof(code)),
    };
}
