namespace KerjaSama.Registry.Contracts;

/// <summary>Planning nomenclature look-ups for other modules, e.g. to check a matrix row's programme codes.</summary>
public interface INomenclatureCatalog
{
    /// <summary>The programme, kegiatan or sub kegiatan with that code, or null.</summary>
    Task<NomenclatureInfo?> FindAsync(string code, CancellationToken cancellationToken);

    /// <summary>The items with those codes that exist (missing codes are left out).</summary>
    Task<IReadOnlyList<NomenclatureInfo>> FindManyAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);

    /// <summary>Items of one level (<c>program</c>, <c>kegiatan</c>, <c>sub_kegiatan</c>) whose code starts with <paramref name="prefix"/>, by code.</summary>
    Task<IReadOnlyList<NomenclatureInfo>> ListAsync(string level, string prefix, int take, CancellationToken cancellationToken);
}
