namespace KerjaSama.Partners.Offers;

internal sealed record CreateOfferRequest(Guid? RowId, string? LetterNumber, DateOnly? LetterDate, string? Signatory, string? Object,
    string? ProposedForm, int? DurationYears, IReadOnlyList<Guid>? PartnerOrganisationIds);

internal sealed record AnswerOfferRequest(string? Answer, string? Message);

internal sealed record OfferRecipientDto(Guid OrganisationId, string OrganisationName, string Status, string? Message, DateTimeOffset? AnsweredAt);

internal sealed record OfferDto(Guid Id, Guid RowId, Guid ExerciseId, string? AffairCode, Guid? ResponsibleAgencyId, string LetterNumber,
    DateOnly LetterDate, string Signatory, string Object, string ProposedForm, int DurationYears, DateTimeOffset CreatedAt,
    IReadOnlyList<OfferRecipientDto> Recipients);

/// <summary>A mapping row that can be offered now (the Planning lifecycle decides).</summary>
internal sealed record OfferCandidateDto(Guid RowId, Guid ExerciseId, string? AffairCode, string? CooperationObject, string? Status);
