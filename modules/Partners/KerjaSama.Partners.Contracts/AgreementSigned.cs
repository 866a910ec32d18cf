using KerjaSama.SharedKernel;

namespace KerjaSama.Partners.Contracts;

/// <summary>
/// An agreement was recorded as signed. <paramref name="Kind"/> is KB, PKS, NK or RK; the Planning module moves the
/// linked row (if any) to <c>kb_ditandatangani</c> or <c>pks_ditandatangani</c>.
/// </summary>
public sealed record AgreementSigned(Guid AgreementId, Guid? RowId, string Kind, DateOnly SignedOn, Guid ActorUserId,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
