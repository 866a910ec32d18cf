using KerjaSama.Modularity.Spreadsheets;

namespace KerjaSama.Registry.Features.Imports;

/// <summary>Settings under <c>KerjaSama:Limits</c> that bound CSV imports.</summary>
internal sealed class ImportLimits
{
    public const string Section = "KerjaSama:Limits";

    public long MaxImportBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Bounds on an uploaded workbook: the shared defaults, but room for a whole nomenclature edition (the SIPD export has
    /// about 7,600 lines; the decree's table one line per code, about 17,500).
    /// </summary>
    public static SpreadsheetLimits Sheet => new() { MaxRows = 100_000, MaxColumns = 64 };

    public string Describe() => MaxImportBytes % (1024 * 1024) == 0
        ? $"{MaxImportBytes / (1024 * 1024)} MB ({MaxImportBytes} bytes)"
        : $"{MaxImportBytes} bytes";
}
