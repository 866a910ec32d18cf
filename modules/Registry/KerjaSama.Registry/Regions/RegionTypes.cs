namespace KerjaSama.Registry.Regions;

internal static class RegionTypes
{
    public const string Province = "provinsi";
    public const string Regency = "kabupaten";
    public const string City = "kota";

    public static readonly IReadOnlyList<string> All = [Province, Regency, City];
}
