namespace KerjaSama.Registry.Contracts;

/// <summary>Government affair (urusan) look-ups for other modules, e.g. to check a mapping row's affair.</summary>
public interface IAffairCatalog
{
    /// <summary>The affair with that code (e.g. <c>1.02</c>), or null.</summary>
    Task<AffairInfo?> FindAsync(string code, CancellationToken cancellationToken);

    /// <summary>
    /// True when the affair is cooperable and held by <paramref name="level"/> (<c>provinsi</c> or
    /// <c>kabupaten_kota</c>, see <see cref="RegionInfo.Level"/>). False for unknown affairs and supporting units.
    /// </summary>
    Task<bool> IsConcurrentAffairOfLevelAsync(string code, string level, CancellationToken cancellationToken);

    /// <summary>Every affair of the nomenclature, in code order (for coverage views such as the live monitor).</summary>
    Task<IReadOnlyList<AffairInfo>> ListAsync(CancellationToken cancellationToken);
}
