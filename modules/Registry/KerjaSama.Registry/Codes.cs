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

    /// <summary>The nomenclature key part of a code that means the same at every level (<see cref="Nomenclature.NomenclatureItem.Scope"/>).</summary>
    public const string AnyScope = "any";

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

    // The digit after the programme is 1 (provinsi) or 2 (kabupaten/kota), or a series 3-8, whose codes name different
    // kegiatan at the two levels: those rows are keyed by (code, level) (ScopeOf, docs/adr/0025).
    [GeneratedRegex(@"^\d\.\d{2}\.\d{2}\.[1-8]\.\d{2}$")]
    public static partial Regex Kegiatan();

    [GeneratedRegex(@"^\d\.\d{2}\.\d{2}\.[1-8]\.\d{2}\.\d{4}$")]
    public static partial Regex SubKegiatan();

    [GeneratedRegex(@"^\d$")]
    public static partial Regex Urusan();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{1,39}$")]
    public static partial Regex Organisation();

    /// <summary>
    /// The key part of a row: its one government level for a kegiatan/sub kegiatan of the series 3–8 (null when
    /// <paramref name="governmentLevels"/> is not exactly one level: such a row cannot be keyed), else <see cref="AnyScope"/>.
    /// </summary>
    public static string? ScopeOf(string code, string governmentLevels) =>
        !Contracts.GovernmentLevels.IsLevelSeries(code) ? AnyScope
        : GovernmentLevels.Contains(governmentLevels) ? governmentLevels : null;

    /// <summary>The key of the parent of a row keyed <paramref name="scope"/>: a series 3–8 sub kegiatan's kegiatan has its level, other parents are shared.</summary>
    public static (string Code, string Scope)? ParentKeyOf(string code, string scope) => ParentOf(code) is { } parent
        ? (parent, Contracts.GovernmentLevels.IsLevelSeries(parent) ? scope : AnyScope) : null;

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
