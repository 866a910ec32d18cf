namespace KerjaSama.Registry.Contracts;

/// <summary>
/// Planning nomenclature look-ups for other modules, e.g. to check a matrix row's programme codes. Every look-up takes the
/// government level (<see cref="GovernmentLevels"/>) of the exercise asking: a code of the kegiatan series 3–8 names a
/// different kegiatan at each level (<see cref="GovernmentLevels.IsLevelSeries"/>), so it resolves to that level's row.
/// </summary>
public interface INomenclatureCatalog
{
    /// <summary>The programme, kegiatan or sub kegiatan with that code as <paramref name="governmentLevel"/> knows it, or null.</summary>
    Task<NomenclatureInfo?> FindAsync(string code, string governmentLevel, CancellationToken cancellationToken);

    /// <summary>The items with those codes that exist at <paramref name="governmentLevel"/> (missing codes are left out; one item per code).</summary>
    Task<IReadOnlyList<NomenclatureInfo>> FindManyAsync(IReadOnlyCollection<string> codes, string governmentLevel, CancellationToken cancellationToken);

    /// <summary>
    /// Items of one level (<c>program</c>, <c>kegiatan</c>, <c>sub_kegiatan</c>) whose code starts with <paramref name="prefix"/>
    /// and that belong to <paramref name="governmentLevel"/>, by code.
    /// </summary>
    Task<IReadOnlyList<NomenclatureInfo>> ListAsync(string level, string prefix, string governmentLevel, int take, CancellationToken cancellationToken);
}
