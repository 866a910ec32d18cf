namespace KerjaSama.Registry.Regions;

/// <summary>A province, kabupaten or kota, keyed by its Kemendagri code.</summary>
internal sealed class Region
{
    public required string Code { get; set; }

    public required string Type { get; set; }

    public required string Name { get; set; }

    public string? ParentCode { get; set; }

    public string? BpsCode { get; set; }

    /// <summary>Other spellings people type, e.g. "Palangkaraya".</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>Normalised name and aliases (<see cref="SearchText.Normalise"/>) separated by '|', for search.</summary>
    public string SearchKey { get; set; } = "";
}
