namespace KerjaSama.Partners.Agreements;

internal static class AgreementKinds
{
    public const string JointAgreement = "KB";
    public const string CooperationAgreement = "PKS";
    public const string Memorandum = "NK";
    public const string WorkPlan = "RK";

    public static readonly IReadOnlyList<string> All = [JointAgreement, CooperationAgreement, Memorandum, WorkPlan];

    /// <summary>The kind an agreement of this kind implements (PKS → KB, RK → NK), or null.</summary>
    public static string? ParentOf(string kind) => kind switch
    {
        CooperationAgreement => JointAgreement,
        WorkPlan => Memorandum,
        _ => null,
    };
}
