using KerjaSama.Registry.Contracts;

namespace KerjaSama.Planning.Live;

/// <summary>
/// What validating a field needs, loaded once per grain activation and cached: the exercise's region, level and
/// period, its neighbours for KSDD-wajib, and look-ups of affairs, regions and organisations.
/// </summary>
internal sealed class ValidationContext(
    string regionCode, string level, int startYear, int endYear, IReadOnlySet<string> neighbours,
    IAffairCatalog affairs, IRegionDirectory regions, IOrganisationDirectory organisations, INomenclatureCatalog nomenclature)
{
    private readonly Dictionary<string, AffairInfo?> _affairs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegionInfo?> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, OrganisationInfo?> _organisations = [];
    private readonly Dictionary<string, NomenclatureInfo?> _nomenclature = new(StringComparer.Ordinal);

    public string RegionCode { get; } = regionCode;

    public string Level { get; } = level;

    public int StartYear { get; } = startYear;

    public int EndYear { get; } = endYear;

    public IReadOnlySet<string> Neighbours { get; } = neighbours;

    public async ValueTask<AffairInfo?> AffairAsync(string code, CancellationToken ct)
    {
        if (!_affairs.TryGetValue(code, out var affair))
            _affairs[code] = affair = await affairs.FindAsync(code, ct);
        return affair;
    }

    public async ValueTask<RegionInfo?> RegionAsync(string code, CancellationToken ct)
    {
        if (!_regions.TryGetValue(code, out var region))
            _regions[code] = region = await regions.FindAsync(code, ct);
        return region;
    }

    public async ValueTask<OrganisationInfo?> OrganisationAsync(Guid id, CancellationToken ct)
    {
        if (!_organisations.TryGetValue(id, out var organisation))
            _organisations[id] = organisation = await organisations.FindAsync(id, ct);
        return organisation;
    }

    public async ValueTask<NomenclatureInfo?> NomenclatureAsync(string code, CancellationToken ct)
    {
        // Only hits are cached: a code imported into the Registry later must be found then.
        if (_nomenclature.TryGetValue(code, out var item))
            return item;
        item = await nomenclature.FindAsync(code, Level, ct);
        if (item is not null)
            _nomenclature[code] = item;
        return item;
    }

    /// <summary>True when the code exists at the other government level (a series 3–8 code the exercise's level does not have).</summary>
    public async ValueTask<bool> OtherLevelHasAsync(string code, CancellationToken ct) =>
        await nomenclature.FindAsync(code, Level == GovernmentLevels.Province ? GovernmentLevels.Regency : GovernmentLevels.Province, ct) is not null;
}
