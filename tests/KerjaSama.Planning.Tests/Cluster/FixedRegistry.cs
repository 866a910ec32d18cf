using KerjaSama.Registry.Contracts;

namespace KerjaSama.Planning.Tests.Cluster;

/// <summary>
/// The few Registry answers the matrix grain needs in a bare Orleans test cluster (no host, no Registry module):
/// Kalimantan Tengah (62) with its neighbours, and the affair 1.02 held by provinces. The subject of these tests is
/// durability, not reference data.
/// </summary>
internal sealed class FixedRegistry : IRegionDirectory, IAffairCatalog, IOrganisationDirectory, INomenclatureCatalog
{
    public Task<RegionInfo?> FindAsync(string code, CancellationToken cancellationToken) => Task.FromResult(code switch
    {
        "62" => new RegionInfo("62", "provinsi", "Kalimantan Tengah", null, "62"),
        "63" => new RegionInfo("63", "provinsi", "Kalimantan Selatan", null, "63"),
        _ => null,
    });

    public Task<bool> AreBorderingAsync(string a, string b, CancellationToken cancellationToken) => Task.FromResult(a != b);

    public Task<IReadOnlySet<string>> GetNeighboursAsync(string code, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string> { "61", "63", "64" });

    Task<AffairInfo?> IAffairCatalog.FindAsync(string code, CancellationToken cancellationToken) =>
        Task.FromResult(code == "1.02" ? new AffairInfo("1.02", "Kesehatan", "wajib_pelayanan_dasar", true, ["provinsi", "kabupaten_kota"], false) : null);

    public Task<IReadOnlyList<AffairInfo>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AffairInfo>>([new AffairInfo("1.02", "Kesehatan", "wajib_pelayanan_dasar", true, ["provinsi", "kabupaten_kota"], false)]);

    public Task<bool> IsConcurrentAffairOfLevelAsync(string code, string level, CancellationToken cancellationToken) => Task.FromResult(code == "1.02");

    Task<OrganisationInfo?> IOrganisationDirectory.FindAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult<OrganisationInfo?>(null);

    public Task<OrganisationInfo?> FindByCodeAsync(string code, CancellationToken cancellationToken) => Task.FromResult<OrganisationInfo?>(null);

    public Task<IReadOnlyList<OrganisationInfo>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OrganisationInfo>>([]);

    public Task<IReadOnlyList<OrganisationInfo>> SearchAsync(string? term, int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OrganisationInfo>>([]);

    public Task<IReadOnlyList<NomenclatureInfo>> ListAsync(string level, string prefix, string governmentLevel, int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<NomenclatureInfo>>([]);

    Task<NomenclatureInfo?> INomenclatureCatalog.FindAsync(string code, string governmentLevel, CancellationToken cancellationToken) => Task.FromResult<NomenclatureInfo?>(null);

    public Task<IReadOnlyList<NomenclatureInfo>> FindManyAsync(IReadOnlyCollection<string> codes, string governmentLevel, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<NomenclatureInfo>>([]);
}
