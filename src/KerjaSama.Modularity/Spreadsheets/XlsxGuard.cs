using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KerjaSama.Modularity.Spreadsheets;

/// <summary>
/// Bounds an uploaded workbook before any reader believes it (issue 16): the package's entries, every entry inflated
/// through a counter (a zip that understates its sizes is caught too), then the first worksheet's row and cell
/// references (read with the Open XML SDK's streaming reader, values untouched), rows and columns. No library reader
/// checks these, and a reference such as ZZZZZZ1 would make one allocate hundreds of millions of cells.
/// </summary>
internal static class XlsxGuard
{
    /// <summary>False when the file is not a readable workbook; throws <see cref="SheetRefusedException"/> past a limit.</summary>
    public static bool Check(byte[] content, SpreadsheetLimits limits)
    {
        try
        {
            Measure(content, limits);
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart;
            var first = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || first?.Id?.Value is not { } id)
                return false;
            CheckReferences((WorksheetPart)workbook.GetPartById(id), limits);
            return true;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FormatException
            or InvalidOperationException or System.Xml.XmlException or ArgumentException)
        {
            return false;
        }
    }

    private static void Measure(byte[] content, SpreadsheetLimits limits)
    {
        using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        if (zip.Entries.Count > limits.MaxEntries)
            throw new SheetRefusedException(SheetProblem.TooLarge("entries", $"The workbook has more than {limits.MaxEntries} parts."));
        var buffer = new byte[64 * 1024];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var inflated = entry.Open();
            int read;
            while ((read = inflated.Read(buffer)) > 0)
            {
                total += read;
                if (total > limits.MaxUncompressedBytes)
                {
                    throw new SheetRefusedException(SheetProblem.TooLarge("uncompressedBytes",
                        $"The workbook unzips to more than {limits.MaxUncompressedBytes / (1024 * 1024)} MiB."));
                }
            }
        }
    }

    private static void CheckReferences(WorksheetPart sheet, SpreadsheetLimits limits)
    {
        var rows = 0;
        using var reader = OpenXmlReader.Create(sheet);
        while (reader.Read())
        {
            if (!reader.IsStartElement)
                continue;
            if (reader.ElementType == typeof(Row))
            {
                var number = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
                if (number is not null && (!uint.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is 0 or > SpreadsheetLimits.ExcelRows))
                    throw new SheetRefusedException(SheetProblem.BadReference(number));
                SpreadsheetReader.CheckBounds(rows++, 0, limits);
            }
            else if (reader.ElementType == typeof(Cell) && reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value is { } reference)
            {
                if (ColumnIndex(reference) >= limits.MaxColumns)
                    throw new SheetRefusedException(SheetProblem.TooLarge("columns", $"A line has more than {limits.MaxColumns} columns."));
            }
        }
    }

    /// <summary>The 0-based column of a reference such as B7: one to three letters up to XFD, then a row from 1 to 1048576.</summary>
    private static int ColumnIndex(string reference)
    {
        var letters = 0;
        while (letters < reference.Length && letters < 4 && char.IsAsciiLetter(reference[letters]))
            letters++;
        var digits = reference.AsSpan(letters);
        if (letters is 0 or > 3 || !SpreadCheetah.SpreadsheetUtility.TryParseColumnName(reference.AsSpan(0, letters).ToString().ToUpperInvariant(), out var column)
            || column > SpreadsheetLimits.ExcelColumns || digits.Length is 0 or > 7 || digits.ContainsAnyExceptInRange('0', '9') || digits[0] == '0'
            || int.Parse(digits, CultureInfo.InvariantCulture) > SpreadsheetLimits.ExcelRows)
        {
            throw new SheetRefusedException(SheetProblem.BadReference(reference));
        }

        return column - 1;
    }
}
