namespace KerjaSama.Modularity.Spreadsheets;

/// <summary>The few cell looks the platform's workbooks use.</summary>
public enum XlsxStyle
{
    /// <summary>No border, no format.</summary>
    Plain = 0,

    /// <summary>Bold, shaded, centred, wrapped column heading.</summary>
    Header = 1,

    /// <summary>Bordered, wrapped text at the top of the cell.</summary>
    Text = 2,

    /// <summary>Bordered whole number with thousands separators.</summary>
    Rupiah = 3,

    /// <summary>Bold shaded group line (an affair).</summary>
    Group = 4,

    /// <summary>Bold shaded total with thousands separators.</summary>
    Total = 5,

    /// <summary>The sheet's title.</summary>
    Title = 6,

    /// <summary>Bordered, centred whole number (years, numbering).</summary>
    Number = 7,

    /// <summary>Bold shaded right-aligned label of a total.</summary>
    TotalLabel = 8,
}

/// <summary>One cell: a string, a whole number (Rupiah, years) or empty.</summary>
public readonly record struct XlsxCell(object? Value, XlsxStyle Style = XlsxStyle.Text);

/// <summary>A worksheet to write: rows of cells, column widths, merged ranges, frozen header rows.</summary>
public sealed class XlsxSheet(string name)
{
    /// <summary>The tab's name.</summary>
    public string Name { get; } = name;

    /// <summary>Column widths in characters, from column A.</summary>
    public List<double> Widths { get; } = [];

    /// <summary>The rows, from row 1.</summary>
    public List<List<XlsxCell>> Rows { get; } = [];

    /// <summary>Merged ranges such as <c>A1:F1</c>.</summary>
    public List<string> Merges { get; } = [];

    /// <summary>Rows kept in view when scrolling, and repeated at the top of every printed page.</summary>
    public int FrozenRows { get; set; }

    /// <summary>Printed on A4 landscape (else portrait), with page numbers in the footer.</summary>
    public bool Landscape { get; set; } = true;

    /// <summary>The language of the printed footer ("Halaman N dari M"); null: the request's (an official document sets Indonesian).</summary>
    public System.Globalization.CultureInfo? Language { get; set; }

    /// <summary>Printed with every column on the width of one page (a document to sign; not the wide data sheets).</summary>
    public bool FitToWidth { get; set; }

    /// <summary>Adds a row of cells.</summary>
    public List<XlsxCell> AddRow(params XlsxCell[] cells)
    {
        var row = cells.ToList();
        Rows.Add(row);
        return row;
    }
}
