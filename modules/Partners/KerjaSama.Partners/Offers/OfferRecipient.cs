namespace KerjaSama.Partners.Offers;

/// <summary>One partner an offer is addressed to, and its answer.</summary>
internal sealed class OfferRecipient
{
    public Guid OfferId { get; set; }

    public Guid OrganisationId { get; set; }

    /// <summary>One of <see cref="OfferAnswers"/>.</summary>
    public string Status { get; set; } = OfferAnswers.Pending;

    public string? Message { get; set; }

    public Guid? AnsweredBy { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }
}
