namespace KerjaSama.Registry.Nomenclature;

/// <summary>A programme, kegiatan or sub kegiatan of the regional planning nomenclature.</summary>
internal sealed class NomenclatureItem
{
    public required string Code { get; set; }

    /// <summary>program, kegiatan or sub_kegiatan (follows from the code's shape).</summary>
    public required string Level { get; set; }

    public required string Name { get; set; }

    public string? Output { get; set; }

    public string? Indicator { get; set; }

    public string? Unit { get; set; }

    /// <summary>True for rows that came from the sample seed rather than an agency's import.</summary>
    public bool IsSample { get; set; }
}
