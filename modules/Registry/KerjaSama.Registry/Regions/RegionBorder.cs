namespace KerjaSama.Registry.Regions;

/// <summary>A land border, stored in both directions so look-ups need one index.</summary>
internal sealed class RegionBorder
{
    public required string RegionCode { get; set; }

    public required string NeighbourCode { get; set; }
}
