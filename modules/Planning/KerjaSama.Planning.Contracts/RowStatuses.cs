namespace KerjaSama.Planning.Contracts;

/// <summary>The status codes of a matrix row along the lifecycle after mapping (docs/domain.md).</summary>
public static class RowStatuses
{
    public const string Proposed = "diusulkan";
    public const string Verified = "diverifikasi";
    public const string InReview = "dibahas_tkksd";
    public const string Adopted = "ditetapkan";
    public const string Integrated = "terintegrasi_rpjmd_rkpd";
    public const string Offered = "ditawarkan";
    public const string JointAgreementSigned = "kb_ditandatangani";
    public const string DprdApproved = "persetujuan_dprd";
    public const string AgreementSigned = "pks_ditandatangani";
    public const string Running = "berjalan";
    public const string Ended = "berakhir";
    public const string Extended = "diperpanjang";
    public const string Stopped = "dihentikan";
    public const string Rejected = "ditolak";
    public const string Postponed = "ditunda";

    /// <summary>In lifecycle order; the side exits (rejected, postponed) last.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Proposed, Verified, InReview, Adopted, Integrated, Offered, JointAgreementSigned, DprdApproved, AgreementSigned, Running,
        Ended, Extended, Stopped, Rejected, Postponed,
    ];
}
