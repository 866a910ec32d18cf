namespace KerjaSama.Planning.Documents;

/// <summary>
/// What the signed documents of an exercise print besides the matrix: the decree that adopted the rows (number, date,
/// subject, recorded at adoption or later) and who signs (title, name, NIP, place). The signatory carries over to the
/// region's next exercise until it is changed there.
/// </summary>
internal sealed class ExerciseDocumentSettings
{
    public Guid ExerciseId { get; set; }

    public required string RegionCode { get; set; }

    public string? DecreeNumber { get; set; }

    public DateOnly? DecreeDate { get; set; }

    /// <summary>TENTANG ...; empty: "Daftar Program dan Kegiatan Kerja Sama Daerah" with the period.</summary>
    public string? DecreeSubject { get; set; }

    /// <summary>"Ditetapkan di ..."; empty: the seat of government when known, else a line to fill.</summary>
    public string? Place { get; set; }

    /// <summary>E.g. "GUBERNUR KALIMANTAN TENGAH" or "a.n. GUBERNUR ... SEKRETARIS DAERAH"; empty: the head of region.</summary>
    public string? SignatoryTitle { get; set; }

    public string? SignatoryName { get; set; }

    public string? SignatoryNip { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
