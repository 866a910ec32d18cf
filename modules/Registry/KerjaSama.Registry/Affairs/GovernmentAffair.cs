namespace KerjaSama.Registry.Affairs;

/// <summary>An urusan pemerintahan (e.g. 1.02 Kesehatan) or a supporting unit (4.01–8.01, not cooperable).</summary>
internal sealed class GovernmentAffair
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>wajib_pelayanan_dasar, wajib_non_pelayanan_dasar, pilihan or penunjang.</summary>
    public required string Group { get; set; }

    public bool Cooperable { get; set; }

    public List<SubAffair> SubAffairs { get; set; } = [];
}
