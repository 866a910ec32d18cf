namespace KerjaSama.Registry.Nomenclature;

/// <summary>An urusan, bidang urusan, programme, kegiatan or sub kegiatan of the regional planning nomenclature.</summary>
internal sealed class NomenclatureItem
{
    public required string Code { get; set; }

    /// <summary>
    /// The second part of the key: <c>any</c> for a code that means one thing wherever it is used (urusan, bidang urusan,
    /// programme, kegiatan series 1 and 2), else the one government level the row belongs to (kegiatan and sub kegiatan
    /// of the series 3–8, whose codes name different kegiatan at the two levels; docs/adr/0025).
    /// </summary>
    public string Scope { get; set; } = Codes.AnyScope;

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
