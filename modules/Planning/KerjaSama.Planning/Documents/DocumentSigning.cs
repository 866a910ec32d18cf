namespace KerjaSama.Planning.Documents;

/// <summary>
/// The decree and signatory details a document prints; nulls are printed as dotted lines to fill by hand.
/// <paramref name="SignatoryFromRegion"/>: the signatory comes from another exercise of the same region.
/// </summary>
internal sealed record DocumentSigning(string? DecreeNumber, DateOnly? DecreeDate, string? DecreeSubject, string? Place, string? SignatoryTitle,
    string? SignatoryName, string? SignatoryNip, bool SignatoryFromRegion = false)
{
    public static readonly DocumentSigning None = new(null, null, null, null, null, null, null);

    public const string Dots = "........................................";

    /// <summary>"GUBERNUR KALIMANTAN TENGAH" (or the configured title).</summary>
    public string TitleFor(string regionName) => string.IsNullOrWhiteSpace(SignatoryTitle) ? RegionNames.HeadOf(regionName) : SignatoryTitle.Trim();

    /// <summary>"Ditetapkan di": the configured place, else the region's seat of government when known, else dots.</summary>
    public string PlaceFor(string regionName) => string.IsNullOrWhiteSpace(Place) ? RegionNames.Seat(regionName) ?? Dots : Place.Trim();

    /// <summary>The signature line under the name: "NIP. 19..." when a NIP is known.</summary>
    public string? NipLine => string.IsNullOrWhiteSpace(SignatoryNip) ? null : "NIP. " + SignatoryNip.Trim();
}
