namespace KerjaSama.Registry.Affairs;

/// <summary>A sub-urusan held by one government level (UU 23/2014 annex); held by both levels, it has two rows.</summary>
internal sealed class SubAffair
{
    public required string Code { get; set; }

    /// <summary>provinsi or kabupaten_kota.</summary>
    public required string Level { get; set; }

    public required string AffairCode { get; set; }

    public required string Name { get; set; }
}
