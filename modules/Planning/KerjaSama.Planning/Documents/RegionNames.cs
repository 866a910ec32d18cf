namespace KerjaSama.Planning.Documents;

/// <summary>How official documents name a region's government and its head.</summary>
internal static class RegionNames
{
    /// <summary>GUBERNUR for a province, BUPATI for a regency, WALI KOTA for a city, with the region's name.</summary>
    public static string HeadOf(string regionName)
    {
        var name = regionName.Trim();
        if (name.StartsWith("Kota ", StringComparison.OrdinalIgnoreCase))
            return "WALI KOTA " + name[5..].ToUpperInvariant();
        if (name.StartsWith("Kabupaten ", StringComparison.OrdinalIgnoreCase))
            return "BUPATI " + name[10..].ToUpperInvariant();
        return "GUBERNUR " + WithoutProvince(name).ToUpperInvariant();
    }

    /// <summary>"PROVINSI KALIMANTAN TENGAH", "KABUPATEN KAPUAS", "KOTA PALANGKA RAYA".</summary>
    public static string Government(string regionName)
    {
        var name = regionName.Trim();
        return name.StartsWith("Kota ", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Kabupaten ", StringComparison.OrdinalIgnoreCase)
            ? name.ToUpperInvariant()
            : "PROVINSI " + WithoutProvince(name).ToUpperInvariant();
    }

    // REVIEW: the seat of government is not in the Registry yet; Kalimantan Tengah's is Palangka Raya, other regions set the place
    // in the document settings (or it prints a line to fill).
    public static string? Seat(string regionName) =>
        regionName.Contains("Kalimantan Tengah", StringComparison.OrdinalIgnoreCase) || regionName.Contains("Palangka Raya", StringComparison.OrdinalIgnoreCase)
            ? "Palangka Raya" : null;

    private static string WithoutProvince(string name) => name.StartsWith("Provinsi ", StringComparison.OrdinalIgnoreCase) ? name[9..] : name;
}
