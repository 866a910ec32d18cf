using KerjaSama.Registry.Regions;

namespace KerjaSama.Registry.Features.Regions;

internal sealed record RegionDto(string Code, string Type, string Name, string? ParentCode, string? BpsCode, IReadOnlyList<string> Aliases)
{
    public static RegionDto From(Region r) => new(r.Code, r.Type, r.Name, r.ParentCode, r.BpsCode, r.Aliases);
}
