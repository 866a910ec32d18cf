using KerjaSama.Registry.Nomenclature;

namespace KerjaSama.Registry.Features.Nomenclature;

internal sealed record NomenclatureDto(string Code, string Level, string Name, string? Output, string? Indicator, string? Unit, bool IsSample,
    string? ParentCode, IReadOnlyList<string> GovernmentLevels, bool Retired)
{
    public static NomenclatureDto From(NomenclatureItem n) => new(n.Code, n.Level, n.Name, n.Output, n.Indicator, n.Unit, n.IsSample,
        n.ParentCode, n.GovernmentLevels.Split(';', StringSplitOptions.RemoveEmptyEntries), n.RetiredAt is not null);
}

/// <summary>How many codes of each level are stored (active ones), in total, per government level and per urusan.</summary>
internal sealed record NomenclatureStatsDto(IReadOnlyDictionary<string, int> Levels, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ByGovernmentLevel,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ByUrusan, int Retired);

internal sealed record NomenclatureImportDto(int Rows, int Created, int Updated, NomenclatureReport Report);
