using System.Globalization;
using KerjaSama.Modularity.Localization;

namespace KerjaSama.Planning.Documents;

/// <summary>
/// How official documents name a region's government and its head; the titles (GUBERNUR, BUPATI, WALI KOTA, PROVINSI) are
/// the catalogue's <c>export.region_names.*</c>, read in Indonesian for the official documents, in the reader's language for
/// the others (the RPJMD/RKPD table).
/// </summary>
internal static class RegionNames
{
    /// <summary>GUBERNUR for a province, BUPATI for a regency, WALI KOTA for a city, with the region's name.</summary>
    public static string HeadOf(string regionName, CultureInfo? culture = null)
    {
        var name = regionName.Trim();
        if (name.StartsWith("Kota ", StringComparison.OrdinalIgnoreCase))
            return T(culture, "mayor", name[5..].ToUpperInvariant());
        if (name.StartsWith("Kabupaten ", StringComparison.OrdinalIgnoreCase))
            return T(culture, "regent", name[10..].ToUpperInvariant());
        return T(culture, "governor", WithoutProvince(name).ToUpperInvariant());
    }

    /// <summary>"PROVINSI KALIMANTAN TENGAH", "KABUPATEN KAPUAS", "KOTA PALANGKA RAYA".</summary>
    public static string Government(string regionName, CultureInfo? culture = null)
    {
        var name = regionName.Trim();
        return name.StartsWith("Kota ", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Kabupaten ", StringComparison.OrdinalIgnoreCase)
            ? name.ToUpperInvariant()
            : T(culture, "province", WithoutProvince(name).ToUpperInvariant());
    }

    // REVIEW: the seat of government is not in the Registry yet; Kalimantan Tengah's is Palangka Raya, other regions set the place
    // in the document settings (or it prints a line to fill).
    public static string? Seat(string regionName) =>
        regionName.Contains("Kalimantan Tengah", StringComparison.OrdinalIgnoreCase) || regionName.Contains("Palangka Raya", StringComparison.OrdinalIgnoreCase)
            ? "Palangka Raya" : null;

    private static string WithoutProvince(string name) => name.StartsWith("Provinsi ", StringComparison.OrdinalIgnoreCase) ? name[9..] : name;

    private static string T(CultureInfo? culture, string key, string name) => Messages.Text(culture ?? Messages.Indonesian, "export.region_names." + key, name);
}
