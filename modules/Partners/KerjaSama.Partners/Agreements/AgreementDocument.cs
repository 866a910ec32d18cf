namespace KerjaSama.Partners.Agreements;

/// <summary>One version of a PDF document of an agreement; the bytes live in the data directory.</summary>
internal sealed class AgreementDocument
{
    public Guid Id { get; set; }

    public Guid AgreementId { get; set; }

    /// <summary>What the document is (e.g. <c>signed</c>, <c>annex</c>, <c>dprd_approval</c>); versions count per kind.</summary>
    public required string Kind { get; set; }

    public int Version { get; set; }

    public required string FileName { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public Guid UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
