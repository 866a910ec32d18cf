namespace KerjaSama.Planning.Contracts.Live;

/// <summary>The columns of the mapping matrix, as field names in ops (docs/domain.md, "The mapping matrix").</summary>
public static class MatrixFieldNames
{
    public const string AffairCode = "affairCode";
    public const string SubAffairCode = "subAffairCode";
    public const string Potential = "potential";
    public const string CooperationObject = "object";
    public const string CooperationType = "cooperationType";
    public const string PartnerRegionCodes = "partnerRegionCodes";
    public const string PartnerOrganisationIds = "partnerOrganisationIds";
    public const string Form = "form";
    public const string Benefit = "benefit";
    public const string ProgramCode = "programCode";
    public const string ActivityCode = "activityCode";
    public const string SubActivityCode = "subActivityCode";
    public const string YearlyPlans = "yearlyPlans";
    public const string StartYear = "startYear";
    public const string DurationYears = "durationYears";
    public const string DurationLegalBasis = "durationLegalBasis";
    public const string ResponsibleAgencyId = "responsibleAgencyId";
    public const string SupportingAgencyIds = "supportingAgencyIds";
    public const string DprdApprovalRequired = "dprdApprovalRequired";
    public const string DprdReason = "dprdReason";
    public const string Priority = "priority";
    public const string Status = "status";
    public const string Notes = "notes";

    // The fields of a real mapping form (issue 22 item 3): where, which problem, in which unit from which baseline, the
    // forward estimate for the year after the period, the RPJMD goal the row serves, and the central consent a KSDPL needs.
    public const string Location = "location";
    public const string Problem = "problem";
    public const string Unit = "unit";
    public const string Baseline = "baseline";
    public const string ForwardTarget = "forwardTarget";
    public const string ForwardBudget = "forwardBudget";
    public const string RpjmdGoal = "rpjmdGoal";
    public const string RpjmdIndicator = "rpjmdIndicator";
    public const string CentralConsentRequired = "centralConsentRequired";

    // Set together with status: why the status changed (required whenever it changes).
    public const string StatusReason = "statusReason";

    // Written only outside live sessions, by consolidation, review and lifecycle (docs/consolidation.md).
    public const string PostponedFrom = "postponedFrom";
    public const string MergedInto = "mergedInto";
    public const string MergedFrom = "mergedFrom";
    public const string MergeReason = "mergeReason";
    public const string Question = "question";
    public const string Answer = "answer";
    public const string ReviewDecision = "reviewDecision";
    public const string ReviewNote = "reviewNote";
}
