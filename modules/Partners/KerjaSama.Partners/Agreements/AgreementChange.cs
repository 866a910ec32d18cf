namespace KerjaSama.Partners.Agreements;

/// <summary>An amendment (addendum) or an extension of an agreement.</summary>
internal sealed class AgreementChange
{
    public Guid Id { get; set; }

    public Guid AgreementId { get; set; }

    /// <summary><c>amendment</c> or <c>extension</c>.</summary>
    public required string Kind { get; set; }

    public required string Number { get; set; }

    public DateOnly SignedOn { get; set; }

    public required string Description { get; set; }

    /// <summary>The end before an extension moved it.</summary>
    public DateOnly? PreviousEndsOn { get; set; }

    public DateOnly? NewEndsOn { get; set; }

    public Guid CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
