using KerjaSama.Registry.Organisations;

namespace KerjaSama.Registry.Features.Organisations;

internal sealed record OrganisationDto(Guid Id, string Code, string Name, string? ShortName, string Kind, string? RegionCode,
    IReadOnlyList<string> AffairCodes, bool Active, long Version)
{
    public static OrganisationDto From(Organisation o) =>
        new(o.Id, o.Code, o.Name, o.ShortName, o.Kind, o.RegionCode, o.AffairCodes, o.Active, o.Version);
}

/// <summary>Body of create and update; <see cref="Version"/> is required on update.</summary>
internal sealed record OrganisationRequest(string? Code, string? Name, string? ShortName, string? Kind, string? RegionCode,
    IReadOnlyList<string>? AffairCodes, long? Version = null);
