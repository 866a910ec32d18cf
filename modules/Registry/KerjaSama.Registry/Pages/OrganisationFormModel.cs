using KerjaSama.Registry.Features.Organisations;
using KerjaSama.Registry.Organisations;

namespace KerjaSama.Registry.Pages;

internal sealed class OrganisationFormModel
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? ShortName { get; set; }

    public string? Kind { get; set; }

    public string? RegionCode { get; set; }

    public string? AffairCodes { get; set; }

    public long? Version { get; set; }

    public static OrganisationFormModel From(Organisation o) => new()
    {
        Code = o.Code, Name = o.Name, ShortName = o.ShortName, Kind = o.Kind, RegionCode = o.RegionCode,
        AffairCodes = string.Join(", ", o.AffairCodes), Version = o.Version,
    };

    public OrganisationRequest ToRequest() => new(Code, Name, ShortName, Kind, RegionCode,
        (AffairCodes ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Version);
}
