using KerjaSama.Registry.Contracts;

namespace KerjaSama.Planning.Consolidation;

/// <summary>Names from the Registry for the codes and ids of a set of rows, looked up once per export.</summary>
internal sealed class MatrixNames
{
    private readonly Dictionary<string, string> _affairs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NomenclatureInfo> _nomenclature = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, OrganisationInfo> _organisations = [];

    public string RegionName { get; private set; } = "";

    public static async Task<MatrixNames> LoadAsync(IReadOnlyCollection<RowView> rows, string regionCode, IAffairCatalog affairs, IRegionDirectory regions,
        INomenclatureCatalog nomenclature, IOrganisationDirectory organisations, CancellationToken ct)
    {
        var exerciseRegion = await regions.FindAsync(regionCode, ct);
        var names = new MatrixNames { RegionName = exerciseRegion?.Name ?? regionCode };
        foreach (var code in rows.Select(r => r.AffairCode).OfType<string>().Distinct())
        {
            if (await affairs.FindAsync(code, ct) is { } affair)
                names._affairs[code] = affair.Name;
        }

        foreach (var code in rows.SelectMany(r => r.PartnerRegionCodes).Distinct())
        {
            if (await regions.FindAsync(code, ct) is { } region)
                names._regions[code] = region.Name;
        }

        var codes = rows.SelectMany(r => new[] { r.ProgramCode, r.ActivityCode, r.SubActivityCode }).OfType<string>().Distinct().ToList();
        // The exercise's level: a series 3–8 code names another kegiatan at the other level.
        foreach (var item in await nomenclature.FindManyAsync(codes, exerciseRegion?.Level ?? GovernmentLevels.Province, ct))
            names._nomenclature[item.Code] = item;
        var ids = rows.SelectMany(r => r.PartnerOrganisationIds.Append(r.OwnerOrganisationId).Concat(r.SupportingAgencyIds)
                .Concat(r.ResponsibleAgencyId is { } a ? [a] : []))
            .Distinct().ToList();
        foreach (var organisation in await organisations.FindManyAsync(ids, ct))
            names._organisations[organisation.Id] = organisation;
        return names;
    }

    public string Affair(string? code) => code is null ? "(tanpa urusan)" : _affairs.TryGetValue(code, out var name) ? $"{code} {name}" : code;

    public string AffairName(string? code) => code is not null && _affairs.TryGetValue(code, out var name) ? name : "";

    /// <summary>"1.02.02 PROGRAM ..." or just the code when the Registry does not know it.</summary>
    public string Nomenclature(string? code) => code is null ? "" : _nomenclature.TryGetValue(code, out var item) ? $"{code} {item.Name}" : code;

    public string? Indicator(string? subActivityCode) =>
        subActivityCode is not null && _nomenclature.TryGetValue(subActivityCode, out var item) ? item.Indicator : null;

    public string Partners(RowView row) => string.Join("; ",
        row.PartnerRegionCodes.Select(c => _regions.GetValueOrDefault(c, c))
            .Concat(row.PartnerOrganisationIds.Select(id => _organisations.TryGetValue(id, out var o) ? o.Name : id.ToString())));

    public string RegionNameOf(string code) => _regions.GetValueOrDefault(code, code);

    public string Organisation(Guid? id) => id is { } value && _organisations.TryGetValue(value, out var o) ? o.Name : "";

    public string OrganisationCode(Guid? id) => id is { } value && _organisations.TryGetValue(value, out var o) ? o.Code : "";

    /// <summary>The responsible agency, or the owning organisation when none is named.</summary>
    public string Agency(RowView row) => Organisation(row.ResponsibleAgencyId ?? row.OwnerOrganisationId);
}
