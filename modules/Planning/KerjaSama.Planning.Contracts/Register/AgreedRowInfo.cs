namespace KerjaSama.Planning.Contracts.Register;

/// <summary>One agreed row of the mapping matrix as a document prints it.</summary>
/// <param name="RowId">The row's id.</param>
/// <param name="AffairCode">The affair (bidang urusan) code, if set.</param>
/// <param name="AffairName">"1.02 Kesehatan", or "(tanpa urusan)".</param>
/// <param name="Potential">The cooperation potential, if set.</param>
/// <param name="CooperationObject">The object of cooperation, if set.</param>
/// <param name="CooperationType">KSDD-wajib, KSDD-sukarela, KSDPK, KSDPL, ..., if set.</param>
/// <param name="Partners">The prospective partners by name, separated by "; ".</param>
/// <param name="ResponsibleAgency">The responsible agency's name (or the owning organisation's).</param>
/// <param name="StatusLabel">The row status in Bahasa Indonesia ("Diverifikasi", "Ditetapkan").</param>
public sealed record AgreedRowInfo(Guid RowId, string? AffairCode, string AffairName, string? Potential, string? CooperationObject,
    string? CooperationType, string Partners, string ResponsibleAgency, string StatusLabel);
