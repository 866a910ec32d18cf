namespace KerjaSama.Partners.Features.Partners;

internal sealed record ContactDto(string? Name, string? Position, string? Email, string? Phone, bool IsPrimary);

internal sealed record PartnerDto(Guid OrganisationId, string Code, string Name, string Kind, string? RegionCode, string? Notes,
    IReadOnlyList<ContactDto> Contacts, long Version);

internal sealed record UpdatePartnerRequest(string? Notes, IReadOnlyList<ContactDto>? Contacts, long? Version);
