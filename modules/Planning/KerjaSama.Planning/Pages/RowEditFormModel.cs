namespace KerjaSama.Planning.Pages;

/// <summary>
/// The row edit form's fields and the row's seq when the form was opened; yearly plans come as <c>budget_2026</c> etc.
/// Numbers are posted as text so that a wrong one is shown back with its message rather than lost.
/// </summary>
internal sealed class RowEditFormModel
{
    public string? ProgramCode { get; set; }

    public string? ActivityCode { get; set; }

    public string? SubActivityCode { get; set; }

    public string? CooperationType { get; set; }

    public bool DprdApprovalRequired { get; set; }

    public bool CentralConsentRequired { get; set; }

    public string? Location { get; set; }

    public string? Problem { get; set; }

    public string? Unit { get; set; }

    public string? Baseline { get; set; }

    public string? ForwardTarget { get; set; }

    public string? ForwardBudget { get; set; }

    public string? RpjmdGoal { get; set; }

    public string? RpjmdIndicator { get; set; }

    public long Seq { get; set; }

    public static RowEditFormModel From(Consolidation.RowView row) => new()
    {
        ProgramCode = row.ProgramCode, ActivityCode = row.ActivityCode, SubActivityCode = row.SubActivityCode, CooperationType = row.CooperationType,
        DprdApprovalRequired = row.DprdApprovalRequired ?? false, CentralConsentRequired = row.CentralConsentRequired ?? false,
        Location = row.Location, Problem = row.Problem, Unit = row.Unit,
        Baseline = row.Baseline?.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture), ForwardTarget = row.ForwardTarget,
        ForwardBudget = row.ForwardBudget?.ToString(System.Globalization.CultureInfo.InvariantCulture), RpjmdGoal = row.RpjmdGoal,
        RpjmdIndicator = row.RpjmdIndicator, Seq = row.Seq,
    };
}
