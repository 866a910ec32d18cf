namespace KerjaSama.Planning.Contracts.Register;

/// <summary>One row of the mapping register as other modules see it.</summary>
/// <param name="RowId">The row's id.</param>
/// <param name="ExerciseId">The mapping exercise it belongs to.</param>
/// <param name="AffairCode">The affair (bidang urusan) code, if set.</param>
/// <param name="CooperationObject">The object of cooperation, if set.</param>
/// <param name="Status">The row status (see <see cref="RowStatuses"/>), if set.</param>
/// <param name="ResponsibleAgencyId">The responsible agency (OPD), if set.</param>
/// <param name="CooperationType">The type of cooperation (KSDD-wajib, KSDPK, ...), if set.</param>
/// <param name="CanBeOffered">
/// True when the Planning lifecycle lets the row be offered: it is integrated into RPJMD/RKPD (the move to
/// <c>ditawarkan</c> is allowed) or already offered (a further offer, e.g. to another partner after a refusal).
/// Planning decides this; other modules never re-derive it from the status.
/// </param>
public sealed record PlanningRowInfo(Guid RowId, Guid ExerciseId, string? AffairCode, string? CooperationObject, string? Status,
    Guid? ResponsibleAgencyId, string? CooperationType, bool CanBeOffered);
