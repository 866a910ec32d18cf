namespace KerjaSama.Registry.Contracts;

/// <summary>A programme, kegiatan or sub kegiatan of the planning nomenclature as other modules see it.</summary>
/// <param name="Code">E.g. <c>1.02.02</c>, <c>1.02.02.2.02</c>, <c>1.02.02.2.02.0001</c>.</param>
/// <param name="Level"><c>program</c>, <c>kegiatan</c> or <c>sub_kegiatan</c>.</param>
/// <param name="Name">Official name.</param>
/// <param name="Output">Output statement (sub kegiatan), if recorded.</param>
/// <param name="Indicator">Output indicator (sub kegiatan), if recorded.</param>
/// <param name="Unit">Unit of the indicator, if recorded.</param>
/// <param name="Retired">True when a newer edition no longer has the code: rows that use it keep it and are flagged for review.</param>
public sealed record NomenclatureInfo(string Code, string Level, string Name, string? Output, string? Indicator, string? Unit, bool Retired = false);
