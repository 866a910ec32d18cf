using System.IO.Compression;
using System.Security;
using System.Text;

namespace KerjaSama.Planning.Tests.Consolidation;

/// <summary>
/// A workbook written part by part, so that a test can put in what no spreadsheet program would: cell references
/// far to the right, padding that inflates a hundredfold, thousands of entries.
/// </summary>
internal static class HandMadeXlsx
{
    /// <summary>One row per line; each cell is (reference, text).</summary>
    public static byte[] Build(IEnumerable<(string Reference, string Text)[]> rows, int padding = 0, int extraEntries = 0)
    {
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        var number = 1;
        foreach (var row in rows)
        {
            sheet.Append("<row r=\"").Append(number++).Append("\">");
            foreach (var (reference, text) in row)
                sheet.Append("<c r=\"").Append(reference).Append("\" t=\"inlineStr\"><is><t>").Append(SecurityElement.Escape(text)).Append("</t></is></c>");
            sheet.Append("</row>");
        }

        sheet.Append("</sheetData></worksheet>");
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>");
            Add(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
            Add(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Matriks\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Add(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "</Relationships>");
            // Whitespace after the root element is legal XML and deflates to almost nothing.
            Add(zip, "xl/worksheets/sheet1.xml", sheet.ToString(), padding);
            for (var i = 0; i < extraEntries; i++)
                Add(zip, $"customXml/item{i}.xml", "<x/>");
        }

        return stream.ToArray();
    }

    /// <summary>The matrix's two required columns and one line; <paramref name="extra"/> adds a cell to that line.</summary>
    public static byte[] OneLine(string? extra = null, int padding = 0, int extraEntries = 0)
    {
        (string, string)[] line = extra is null ? [("A2", "1.02"), ("B2", "Dari berkas XLSX")] : [("A2", "1.02"), ("B2", "Dari berkas XLSX"), (extra, "x")];
        return Build([[("A1", "affair_code"), ("B1", "potential")], line], padding, extraEntries);
    }

    private static void Add(ZipArchive zip, string name, string content, int padding = 0)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(Encoding.UTF8.GetBytes(content));
        var spaces = new byte[1024 * 1024];
        Array.Fill(spaces, (byte)' ');
        for (var left = padding; left > 0; left -= spaces.Length)
            entry.Write(spaces, 0, Math.Min(left, spaces.Length));
    }
}
