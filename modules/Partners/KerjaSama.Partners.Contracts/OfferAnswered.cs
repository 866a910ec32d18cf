using KerjaSama.SharedKernel;

namespace KerjaSama.Partners.Contracts;

/// <summary>A partner answered an offer: <c>accepted</c>, <c>declined</c> or <c>changes_proposed</c>.</summary>
public sealed record OfferAnswered(Guid OfferId, Guid RowId, Guid PartnerOrganisationId, string Answer, Guid ActorUserId,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
