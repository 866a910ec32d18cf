namespace KerjaSama.Registry.Contracts;

/// <summary>Region look-ups for other modules (Kemendagri codes such as <c>62</c> and <c>62.71</c>).</summary>
public interface IRegionDirectory
{
    /// <summary>The region with that Kemendagri code, or null.</summary>
    Task<RegionInfo?> FindAsync(string code, CancellationToken cancellationToken);

    /// <summary>True when the two regions share a land border, or one is a province and the other its kabupaten/kota.</summary>
    Task<bool> AreBorderingAsync(string a, string b, CancellationToken cancellationToken);

    /// <summary>
    /// The codes a region counts as bordering for KSDD-wajib: its land neighbours, its province (for a
    /// kabupaten/kota) and its kabupaten/kota (for a province).
    /// </summary>
    Task<IReadOnlySet<string>> GetNeighboursAsync(string code, CancellationToken cancellationToken);
}
