using KerjaSama.Registry.Nomenclature;

namespace KerjaSama.Registry.Features.Nomenclature;

internal sealed record NomenclatureDto(string Code, string Level, string Name, string? Output, string? Indicator, string? Unit, bool IsSample)
{
    public static NomenclatureDto From(NomenclatureItem n) => new(n.Code, n.Level, n.Name, n.Output, n.Indicator, n.Unit, n.IsSample);
}
