using KerjaSama.Modularity.Persistence;

namespace KerjaSama.Partners;

/// <summary>The relationship data the secretariat keeps about one partner organisation of the Registry.</summary>
internal sealed class PartnerProfile : IVersioned
{
    /// <summary>The Registry organisation's id; the profile has no identity of its own.</summary>
    public Guid OrganisationId { get; set; }

    public string? Notes { get; set; }

    public List<PartnerContact> Contacts { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}
