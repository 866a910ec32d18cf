using KerjaSama.SharedKernel;

namespace KerjaSama.Planning.Contracts.Live;

/// <summary>
/// The codes of the matrix's choice fields with the labels people read: the one source for the server's pages and
/// exports and (through the generated <c>contracts.g.ts</c>) the live board. Codes are stored and sent; labels shown.
/// </summary>
public static class MatrixVocabulary
{
    /// <summary>Types of cooperation (PP 28/2018, docs/domain.md).</summary>
    public static readonly IReadOnlyList<CodeLabel> CooperationTypes =
    [
        new("KSDD-wajib", "Kerja sama daerah dengan daerah (wajib)", "Region with region (mandatory)"),
        new("KSDD-sukarela", "Kerja sama daerah dengan daerah (sukarela)", "Region with region (voluntary)"),
        new("KSDPK", "Kerja sama daerah dengan pihak ketiga", "Region with a third party"),
        new("KSDPL", "Kerja sama daerah dengan pemerintah daerah luar negeri", "Region with a foreign local government"),
        new("KSDLL", "Kerja sama daerah dengan lembaga luar negeri", "Region with a foreign institution"),
        new("Sinergi", "Sinergi dengan kementerian/lembaga", "Synergy with a ministry or central body"),
    ];

    /// <summary>Forms of cooperation.</summary>
    public static readonly IReadOnlyList<CodeLabel> Forms =
    [
        new("pelayanan_publik", "Penyediaan pelayanan publik", "Public service provision"),
        new("pengelolaan_aset", "Pengelolaan aset", "Asset management"),
        new("penanaman_modal", "Penanaman modal", "Investment"),
        new("lainnya", "Lainnya", "Other"),
    ];

    /// <summary>Row statuses along the lifecycle (docs/consolidation.md).</summary>
    public static readonly IReadOnlyList<CodeLabel> Statuses =
    [
        new("diusulkan", "Diusulkan", "Proposed"),
        new("diverifikasi", "Diverifikasi", "Verified"),
        new("dibahas_tkksd", "Dibahas TKKSD", "Under TKKSD review"),
        new("ditetapkan", "Ditetapkan", "Adopted"),
        new("terintegrasi_rpjmd_rkpd", "Terintegrasi RPJMD/RKPD", "Integrated into RPJMD/RKPD"),
        new("ditawarkan", "Ditawarkan", "Offered"),
        new("kb_ditandatangani", "KB ditandatangani", "Joint agreement signed"),
        new("persetujuan_dprd", "Persetujuan DPRD", "DPRD approval"),
        new("pks_ditandatangani", "PKS ditandatangani", "Cooperation agreement signed"),
        new("berjalan", "Berjalan", "Running"),
        new("berakhir", "Berakhir", "Ended"),
        new("diperpanjang", "Diperpanjang", "Extended"),
        new("dihentikan", "Dihentikan", "Stopped"),
        new("ditolak", "Ditolak", "Rejected"),
        new("ditunda", "Ditunda", "Postponed"),
    ];

    /// <summary>TKKSD decisions on a row.</summary>
    public static readonly IReadOnlyList<CodeLabel> ReviewDecisions =
    [
        new("accept", "Diterima", "Accepted"),
        new("revise", "Perlu perbaikan", "Revise"),
        new("reject", "Ditolak", "Rejected"),
        new("postpone", "Ditunda", "Postponed"),
    ];

    /// <summary>Priorities (1 high … 3 low), as text codes of the number.</summary>
    public static readonly IReadOnlyList<CodeLabel> Priorities =
    [
        new("1", "1 (tinggi)", "1 (high)"),
        new("2", "2 (sedang)", "2 (medium)"),
        new("3", "3 (rendah)", "3 (low)"),
    ];

    /// <summary>States of a live session (<see cref="SessionStates"/>), as pages show them.</summary>
    public static readonly IReadOnlyList<CodeLabel> SessionStates =
    [
        new(Live.SessionStates.Open, "Berlangsung", "Open"),
        new(Live.SessionStates.Locked, "Dikunci", "Locked"),
        new(Live.SessionStates.Closed, "Ditutup", "Closed"),
    ];
}
