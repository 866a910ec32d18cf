using KerjaSama.SharedKernel;

namespace KerjaSama.Partners.Contracts;

/// <summary>The secretariat changed a partner's relationship data (contacts, notes).</summary>
public sealed record PartnerProfileUpdated(Guid OrganisationId, DateTimeOffset OccurredAt) : IIntegrationEvent;
