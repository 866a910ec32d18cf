namespace KerjaSama.Partners.Evaluations;

/// <summary>A monitoring and evaluation report on an agreement by the agency, the partner or the secretariat.</summary>
internal sealed class EvaluationReport
{
    public Guid Id { get; set; }

    public Guid AgreementId { get; set; }

    /// <summary>The period reported on, e.g. <c>2026-S1</c> or <c>2026</c>.</summary>
    public required string Period { get; set; }

    /// <summary><c>agency</c>, <c>partner</c> or <c>secretariat</c>.</summary>
    public required string ReporterKind { get; set; }

    public Guid ReporterOrganisationId { get; set; }

    public Guid ReportedBy { get; set; }

    /// <summary>1 (poor) to 5 (excellent).</summary>
    public int Rating { get; set; }

    /// <summary><c>continue</c>, <c>expand</c> or <c>stop</c>.</summary>
    public required string Recommendation { get; set; }

    public required string Findings { get; set; }

    public DateTimeOffset ReportedAt { get; set; }
}
