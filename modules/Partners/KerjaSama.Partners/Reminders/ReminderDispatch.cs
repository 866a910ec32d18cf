namespace KerjaSama.Partners.Reminders;

/// <summary>
/// The claim that one reminder threshold of one agreement term fired. Unique on (agreement, end date, threshold):
/// the host whose insert commits first notifies; every other host's insert fails and it notifies nobody.
/// </summary>
internal sealed class ReminderDispatch
{
    public Guid Id { get; set; }

    public Guid AgreementId { get; set; }

    /// <summary>The end date the threshold was counted from: an extension re-arms the thresholds.</summary>
    public DateOnly EndsOn { get; set; }

    public int ThresholdDays { get; set; }

    public DateTimeOffset FiredAt { get; set; }

    public required string FiredBy { get; set; }
}
