namespace KerjaSama.Partners.Offers;

/// <summary>An offer letter for an adopted row of the mapping register, addressed to one or more partners.</summary>
internal sealed class Offer
{
    public Guid Id { get; set; }

    public Guid RowId { get; set; }

    public Guid ExerciseId { get; set; }

    public string? AffairCode { get; set; }

    public Guid? ResponsibleAgencyId { get; set; }

    public required string LetterNumber { get; set; }

    public DateOnly LetterDate { get; set; }

    public required string Signatory { get; set; }

    public required string Object { get; set; }

    /// <summary>Proposed form of cooperation (pelayanan_publik, pengelolaan_aset, penanaman_modal, lainnya).</summary>
    public required string ProposedForm { get; set; }

    public int DurationYears { get; set; }

    public Guid CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<OfferRecipient> Recipients { get; set; } = [];
}
