namespace KerjaSama.Registry.Features.Nomenclature;

/// <summary>
/// One code to import, read from the project's CSV or from the official sheet (<see cref="OfficialSheet"/>); <see cref="Line"/>
/// is the file's line that gave it, for the report of bad lines.
/// </summary>
internal sealed record NomenclatureRow(int Line, string Code, string Level, string Name, string? Output, string? Indicator, string? Unit,
    string GovernmentLevels);
