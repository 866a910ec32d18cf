namespace KerjaSama.Planning.Contracts.Register;

/// <summary>Row statuses other modules act on (the full list is the Planning module's).</summary>
public static class PlanningRowStatuses
{
    /// <summary>Adopted by the decree of the head of region.</summary>
    public const string Adopted = "ditetapkan";

    /// <summary>Integrated into RPJMD/RKPD.</summary>
    public const string Integrated = "terintegrasi_rpjmd_rkpd";
}
