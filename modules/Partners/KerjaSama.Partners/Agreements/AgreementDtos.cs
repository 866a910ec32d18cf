namespace KerjaSama.Partners.Agreements;

internal sealed record PartyRequest(Guid? OrganisationId, string? SignatoryName, string? SignatoryPosition, string? Delegation);

internal sealed record CreateAgreementRequest(string? Kind, string? Number, string? Object, string? AffairCode, Guid? ResponsibleAgencyId,
    Guid? RowId, Guid? OfferId, Guid? ParentAgreementId, DateOnly? SignedOn, DateOnly? StartsOn, DateOnly? EndsOn, decimal? Value,
    bool DprdApprovalRequired, string? DprdApprovalReference, string? DurationExceptionLegalBasis, IReadOnlyList<PartyRequest>? Parties);

internal sealed record AddChangeRequest(string? Kind, string? Number, DateOnly? SignedOn, string? Description, DateOnly? NewEndsOn,
    string? DurationExceptionLegalBasis);

internal sealed record PartyDto(Guid OrganisationId, string OrganisationName, string? RegionCode, string SignatoryName, string? SignatoryPosition,
    string? Delegation);

internal sealed record ChangeDto(Guid Id, string Kind, string Number, DateOnly SignedOn, string Description, DateOnly? PreviousEndsOn, DateOnly? NewEndsOn);

internal sealed record DocumentDto(Guid Id, string Kind, int Version, string FileName, long Size, string Sha256, DateTimeOffset UploadedAt);

internal sealed record AgreementDto(Guid Id, string Kind, string Number, string Object, string? AffairCode, Guid? ResponsibleAgencyId,
    Guid? RowId, Guid? OfferId, Guid? ParentAgreementId, DateOnly? SignedOn, DateOnly StartsOn, DateOnly EndsOn, decimal? Value,
    bool DprdApprovalRequired, string? DprdApprovalReference, string? DurationExceptionLegalBasis, string State, DateOnly? NextReminderOn,
    IReadOnlyList<PartyDto> Parties, IReadOnlyList<ChangeDto> Changes, IReadOnlyList<DocumentDto> Documents);
