using KerjaSama.SharedKernel;

namespace KerjaSama.Partners.Contracts;

/// <summary>
/// The secretariat sent an offer for an adopted row of the mapping register to one or more partners.
/// The Planning module moves the row to <c>ditawarkan</c>.
/// </summary>
public sealed record OfferSent(Guid OfferId, Guid RowId, IReadOnlyList<Guid> PartnerOrganisationIds, DateOnly LetterDate,
    Guid ActorUserId, DateTimeOffset OccurredAt) : IIntegrationEvent;
