namespace KerjaSama.Registry.Nomenclature;

/// <summary>An urusan, bidang urusan, programme, kegiatan or sub kegiatan of the regional planning nomenclature.</summary>
internal sealed class NomenclatureItem
{
    public required string Code { get; set; }

    /// <summary>urusan, bidang_urusan, program, kegiatan or sub_kegiatan (follows from the code's shape).</summary>
    public required string Level { get; set; }

    public required string Name { get; set; }

    public string? Output { get; set; }

    public string? Indicator { get; set; }

    public string? Unit { get; set; }

    /// <summary>The code one level up (null for an urusan).</summary>
    public string? ParentCode { get; set; }

    /// <summary><c>provinsi</c>, <c>kabupaten_kota</c> or both separated by <c>;</c>; empty when not known.</summary>
    public string GovernmentLevels { get; set; } = "";

    /// <summary>Name without case, spaces or punctuation, for word search (<see cref="SearchText.Normalise"/>).</summary>
    public string SearchKey { get; set; } = "";

    /// <summary>True for rows that came from the shipped seed rather than an import.</summary>
    public bool IsSample { get; set; }

    /// <summary>Set when a newer edition was imported without this code: kept so stored rows stay readable, flagged for review.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}
