namespace KerjaSama.Partners.Agreements;

/// <summary>A KB (joint agreement), PKS (cooperation agreement), NK or RK (central-government synergy).</summary>
internal sealed class Agreement
{
    public Guid Id { get; set; }

    /// <summary>One of <see cref="AgreementKinds"/>.</summary>
    public required string Kind { get; set; }

    public required string Number { get; set; }

    public required string Object { get; set; }

    public string? AffairCode { get; set; }

    public Guid? ResponsibleAgencyId { get; set; }

    public Guid? RowId { get; set; }

    public Guid? OfferId { get; set; }

    /// <summary>The KB a PKS implements, or the NK an RK implements.</summary>
    public Guid? ParentAgreementId { get; set; }

    public DateOnly? SignedOn { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public decimal? Value { get; set; }

    public bool DprdApprovalRequired { get; set; }

    public string? DprdApprovalReference { get; set; }

    /// <summary>The legal basis that allows a term of more than five years; null when the term is within five years.</summary>
    public string? DurationExceptionLegalBasis { get; set; }

    public Guid CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<AgreementParty> Parties { get; set; } = [];

    public List<AgreementChange> Changes { get; set; } = [];
}
