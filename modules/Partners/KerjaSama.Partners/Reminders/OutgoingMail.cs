namespace KerjaSama.Partners.Reminders;

/// <summary>An e-mail written in the same transaction as its reminder and sent afterwards by whichever host claims it.</summary>
internal sealed class OutgoingMail
{
    public Guid Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
