namespace KerjaSama.Modularity.Spreadsheets;

/// <summary>
/// Bounds on an imported sheet (<c>KerjaSama:Limits:Spreadsheet</c>), checked before anything is believed: the
/// unzipped bytes actually read (not the sizes the zip claims), the entries, the lines and the columns.
/// </summary>
public sealed class SpreadsheetLimits
{
    public const string Section = "KerjaSama:Limits:Spreadsheet";

    /// <summary>Excel's last column, XFD.</summary>
    public const int ExcelColumns = 16_384;

    public const int ExcelRows = 1_048_576;

    public long MaxUncompressedBytes { get; set; } = 48 * 1024 * 1024;

    public int MaxEntries { get; set; } = 1_000;

    /// <summary>Lines after the header.</summary>
    public int MaxRows { get; set; } = 10_000;

    /// <summary>The matrix has about 25 columns plus four per year of the period; 256 leaves room.</summary>
    public int MaxColumns { get; set; } = 256;
}

/// <summary>
/// Why a sheet was refused before it was read: 413 for a limit (named in <see cref="Limit"/>), 400 for a bad reference
/// (<see cref="Reference"/>). <see cref="Message"/> is English (logs); a reader gets the catalogue's text of <see cref="Code"/>.
/// </summary>
public sealed record SheetProblem(int Status, string Code, string Message, string? Limit = null, string? Reference = null)
{
    public static SheetProblem TooLarge(string limit, string message) => new(413, "spreadsheet_too_large", message, limit);

    public static SheetProblem BadReference(string reference)
    {
        var shown = reference.Length > 40 ? reference[..40] + "…" : reference;
        return new(400, "invalid_cell_reference", $"'{shown}' is not a cell of a worksheet (A1 to XFD1048576).", Reference: shown);
    }
}

public sealed class SheetRefusedException(SheetProblem problem) : Exception(problem.Message)
{
    public SheetProblem Problem { get; } = problem;
}
