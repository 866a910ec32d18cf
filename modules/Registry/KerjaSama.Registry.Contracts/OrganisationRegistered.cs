using KerjaSama.SharedKernel;

namespace KerjaSama.Registry.Contracts;

/// <summary>The secretariat added an organisation to the Registry.</summary>
public sealed record OrganisationRegistered(Guid OrganisationId, string Code, string Name, string Kind, DateTimeOffset OccurredAt)
    : IIntegrationEvent;
