using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Board;

/// <summary>How a column is edited and shown on the board.</summary>
public enum FieldKind
{
    Text,
    LongText,
    Code,
    Number,
    Affair,
    Choice,
    Bool,
    Regions,
    PartnerOrganisations,
    Agency,
    Agencies,
    ReadOnly,
}

/// <summary>One column of the matrix as the board shows it; <see cref="Key"/> columns are always visible.</summary>
public sealed record BoardField(string Name, string Indonesian, string English, FieldKind Kind, bool Key = false, IReadOnlyList<string>? Choices = null);

public static class BoardFields
{
    public static readonly IReadOnlyList<string> CooperationTypes = ["KSDD-wajib", "KSDD-sukarela", "KSDPK", "KSDPL", "KSDLL", "Sinergi"];

    public static readonly IReadOnlyList<string> Forms = ["pelayanan_publik", "pengelolaan_aset", "penanaman_modal", "lainnya"];

    public static readonly IReadOnlyList<string> Statuses =
    [
        "diusulkan", "diverifikasi", "dibahas_tkksd", "ditetapkan", "terintegrasi_rpjmd_rkpd", "ditawarkan", "kb_ditandatangani",
        "persetujuan_dprd", "pks_ditandatangani", "berjalan", "berakhir", "diperpanjang", "dihentikan", "ditolak", "ditunda",
    ];

    public static readonly IReadOnlyList<BoardField> All =
    [
        new(F.AffairCode, "Urusan", "Affair", FieldKind.Affair, Key: true),
        new(F.Potential, "Potensi", "Potential", FieldKind.LongText, Key: true),
        new(F.CooperationType, "Jenis kerja sama", "Type of cooperation", FieldKind.Choice, Key: true, CooperationTypes),
        new(F.PartnerRegionCodes, "Daerah mitra", "Partner regions", FieldKind.Regions, Key: true),
        new(F.StartYear, "Tahun mulai", "Start year", FieldKind.Number, Key: true),
        new(F.DurationYears, "Jangka waktu (tahun)", "Duration (years)", FieldKind.Number, Key: true),
        new(F.Status, "Status", "Status", FieldKind.Choice, Key: true, Statuses),
        new(F.SubAffairCode, "Sub-urusan", "Sub-affair", FieldKind.Code),
        new(F.CooperationObject, "Objek kerja sama", "Object of cooperation", FieldKind.LongText),
        new(F.PartnerOrganisationIds, "Organisasi mitra", "Partner organisations", FieldKind.PartnerOrganisations),
        new(F.Form, "Bentuk", "Form", FieldKind.Choice, Choices: Forms),
        new(F.Benefit, "Manfaat", "Benefit", FieldKind.LongText),
        new(F.ProgramCode, "Kode program", "Programme code", FieldKind.Code),
        new(F.ActivityCode, "Kode kegiatan", "Activity code", FieldKind.Code),
        new(F.SubActivityCode, "Kode sub kegiatan", "Sub-activity code", FieldKind.Code),
        new(F.DurationLegalBasis, "Dasar hukum jangka waktu", "Legal basis of the duration", FieldKind.Text),
        new(F.ResponsibleAgencyId, "Perangkat daerah penanggung jawab", "Responsible agency", FieldKind.Agency),
        new(F.SupportingAgencyIds, "Perangkat daerah pendukung", "Supporting agencies", FieldKind.Agencies),
        new(F.DprdApprovalRequired, "Perlu persetujuan DPRD", "DPRD approval required", FieldKind.Bool),
        new(F.DprdReason, "Alasan DPRD", "DPRD reason", FieldKind.Text),
        new(F.Priority, "Prioritas", "Priority", FieldKind.Choice, Choices: ["1", "2", "3"]),
        new(F.Notes, "Catatan", "Notes", FieldKind.LongText),
        new(F.YearlyPlans, "Rencana tahunan", "Yearly plans", FieldKind.ReadOnly),
    ];

    public static readonly IReadOnlyDictionary<string, BoardField> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static bool IsMulti(FieldKind kind) => kind is FieldKind.Regions or FieldKind.PartnerOrganisations or FieldKind.Agencies;
}
