namespace KerjaSama.Registry.Contracts;

/// <summary>A government affair as other modules see it.</summary>
/// <param name="Code">Nomenclature code, e.g. <c>1.02</c>.</param>
/// <param name="Name">Official name, e.g. <c>Kesehatan</c>.</param>
/// <param name="Group"><c>wajib_pelayanan_dasar</c>, <c>wajib_non_pelayanan_dasar</c>, <c>pilihan</c> or <c>penunjang</c>.</param>
/// <param name="Cooperable">True for the 32 concurrent affairs; false for supporting units (4.01–8.01).</param>
/// <param name="Levels">
/// The regional levels (<c>provinsi</c>, <c>kabupaten_kota</c>) that hold at least one of its sub-affairs.
/// When no sub-affairs of the affair are recorded yet, both levels are listed and
/// <paramref name="LevelsFromSubAffairs"/> is false: the level check is then not yet backed by data.
/// </param>
/// <param name="LevelsFromSubAffairs">True when <paramref name="Levels"/> comes from recorded sub-affairs.</param>
public sealed record AffairInfo(string Code, string Name, string Group, bool Cooperable, IReadOnlyList<string> Levels,
    bool LevelsFromSubAffairs);
