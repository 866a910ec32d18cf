using System.Text.RegularExpressions;

namespace KerjaSama.Registry;

/// <summary>The shapes of the codes the Registry keeps; codes are validated, never derived from positions.</summary>
internal static partial class Codes
{
    public const string UrusanLevel = "urusan";
    public const string BidangLevel = "bidang_urusan";
    public const string ProgramLevel = "program";
    public const string KegiatanLevel = "kegiatan";
    public const string SubKegiatanLevel = "sub_kegiatan";
    public const string ProvinceLevel = Contracts.GovernmentLevels.Province;
    public const string RegencyLevel = Contracts.GovernmentLevels.Regency;

    public static readonly IReadOnlyList<string> NomenclatureLevels = [UrusanLevel, BidangLevel, ProgramLevel, KegiatanLevel, SubKegiatanLevel];
    public static readonly IReadOnlyList<string> GovernmentLevels = Contracts.GovernmentLevels.All;

    [GeneratedRegex(@"^\d{2}(\.\d{2})?$")]
    public static partial Regex Region();

    [GeneratedRegex(@"^\d\.\d{2}$")]
    public static partial Regex Affair();

    [GeneratedRegex(@"^\d\.\d{2}\.\d{2}$")]
    public static partial Regex SubAffair();

    [GeneratedRegex(@"^\d\.\d{2}\.\d{2}$")]
    public static partial Regex Program();

    // The digit after the programme is 1 (provinsi) or 2 (kabupaten/kota). The decree's other series (3-8) reuse
    // the same codes for different kegiatan at the two levels, so they are not accepted (Seed/README.md).
    [GeneratedRegex(@"^\d\.\d{2}\.\d{2}\.[12]\.\d{2}$")]
    public static partial Regex Kegiatan();

    [GeneratedRegex(@"^\d\.\d{2}\.\d{2}\.[12]\.\d{2}\.\d{4}$")]
    public static partial Regex SubKegiatan();

    [GeneratedRegex(@"^\d$")]
    public static partial Regex Urusan();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{1,39}$")]
    public static partial Regex Organisation();

    /// <summary>The nomenclature level a code's shape means, or null when it has none of the three shapes.</summary>
    public static string? NomenclatureLevelOf(string code) =>
        Urusan().IsMatch(code) ? UrusanLevel
        : Affair().IsMatch(code) ? BidangLevel
        : Program().IsMatch(code) ? ProgramLevel
        : Kegiatan().IsMatch(code) ? KegiatanLevel
        : SubKegiatan().IsMatch(code) ? SubKegiatanLevel
        : null;

    /// <summary>
    /// The code one level up: sub kegiatan <c>1.02.02.2.01.0001</c> → kegiatan <c>1.02.02.2.01</c> → program
    /// <c>1.02.02</c> (the level digit and kegiatan number go together) → bidang urusan <c>1.02</c> → urusan <c>1</c>.
    /// </summary>
    public static string? ParentOf(string code) => NomenclatureLevelOf(code) switch
    {
        UrusanLevel => null,
        BidangLevel => code[..^3],
        ProgramLevel => code[..^3],
        KegiatanLevel => code[..^5],
        SubKegiatanLevel => code[..^5],
        _ => throw new ArgumentException($"'{code}' is not a nomenclature code.", nameof(code)),
    };
}
