namespace KerjaSama.Registry.Contracts;

/// <summary>A province, kabupaten or kota.</summary>
/// <param name="Code">Kemendagri code, e.g. <c>62.71</c>.</param>
/// <param name="Type"><c>provinsi</c>, <c>kabupaten</c> or <c>kota</c>.</param>
/// <param name="Name">Official name, e.g. <c>Kota Palangka Raya</c>.</param>
/// <param name="ParentCode">The province's code for a kabupaten/kota; null for a province.</param>
/// <param name="BpsCode">The statistics agency's code where known.</param>
public sealed record RegionInfo(string Code, string Type, string Name, string? ParentCode, string? BpsCode)
{
    /// <summary>Government level that holds a region's affairs: <c>provinsi</c> or <c>kabupaten_kota</c>.</summary>
    public string Level => Type == "provinsi" ? "provinsi" : "kabupaten_kota";
}
