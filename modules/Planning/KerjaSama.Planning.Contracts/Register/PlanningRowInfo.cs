namespace KerjaSama.Planning.Contracts.Register;

/// <summary>One row of the mapping register as other modules see it.</summary>
/// <param name="RowId">The row's id.</param>
/// <param name="ExerciseId">The mapping exercise it belongs to.</param>
/// <param name="AffairCode">The affair (bidang urusan) code, if set.</param>
/// <param name="CooperationObject">The object of cooperation, if set.</param>
/// <param name="Status">The row status (see <see cref="PlanningRowStatuses"/>), if set.</param>
/// <param name="ResponsibleAgencyId">The responsible agency (OPD), if set.</param>
/// <param name="CooperationType">The type of cooperation (KSDD-wajib, KSDPK, ...), if set.</param>
public sealed record PlanningRowInfo(Guid RowId, Guid ExerciseId, string? AffairCode, string? CooperationObject, string? Status,
    Guid? ResponsibleAgencyId, string? CooperationType)
{
    /// <summary>True once the row is adopted by the decree (ditetapkan) or integrated into RPJMD/RKPD.</summary>
    public bool IsAdopted => Status is PlanningRowStatuses.Adopted or PlanningRowStatuses.Integrated;
}
