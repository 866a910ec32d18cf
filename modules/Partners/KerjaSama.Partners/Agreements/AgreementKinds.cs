using KerjaSama.SharedKernel;

namespace KerjaSama.Partners.Agreements;

internal static class AgreementKinds
{
    public const string JointAgreement = "KB";
    public const string CooperationAgreement = "PKS";
    public const string Memorandum = "NK";
    public const string WorkPlan = "RK";

    public static readonly IReadOnlyList<string> All = [JointAgreement, CooperationAgreement, Memorandum, WorkPlan];

    /// <summary>What people call each kind: the one label source of this vocabulary.</summary>
    public static readonly IReadOnlyList<CodeLabel> Labels =
    [
        new(JointAgreement, "Kesepakatan Bersama (KB)", "Joint agreement (KB)"),
        new(CooperationAgreement, "Perjanjian Kerja Sama (PKS)", "Cooperation agreement (PKS)"),
        new(Memorandum, "Nota Kesepahaman (NK)", "Memorandum of understanding (NK)"),
        new(WorkPlan, "Rencana Kerja (RK)", "Work plan (RK)"),
    ];

    /// <summary>The kind an agreement of this kind implements (PKS → KB, RK → NK), or null.</summary>
    public static string? ParentOf(string kind) => kind switch
    {
        CooperationAgreement => JointAgreement,
        WorkPlan => Memorandum,
        _ => null,
    };
}
