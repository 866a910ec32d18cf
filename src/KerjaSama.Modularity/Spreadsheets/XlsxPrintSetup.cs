using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using KerjaSama.Modularity.Localization;

namespace KerjaSama.Modularity.Spreadsheets;

/// <summary>
/// The print setup SpreadCheetah has no API for, added with the Open XML SDK's typed model (which puts each element
/// where the schema wants it): A4, landscape or portrait, fitted to the page width when asked, the frozen header rows repeated on
/// every page, and "Halaman N dari M" in the footer (<c>export.document.*</c> in the sheet's language), so the decree annex prints
/// as people expect (issue 18).
/// </summary>
internal static class XlsxPrintSetup
{
    public static void Apply(MemoryStream package, IReadOnlyList<XlsxSheet> sheets)
    {
        using var document = SpreadsheetDocument.Open(package, isEditable: true);
        var workbookPart = document.WorkbookPart!;
        var entries = workbookPart.Workbook.Sheets!.Elements<Sheet>().ToList();
        var names = new DefinedNames();
        for (var i = 0; i < entries.Count && i < sheets.Count; i++)
        {
            var part = (WorksheetPart)workbookPart.GetPartById(entries[i].Id!.Value!);
            var worksheet = part.Worksheet;
            var properties = worksheet.GetFirstChild<SheetProperties>();
            if (properties is null)
            {
                properties = new SheetProperties();
                worksheet.AddChild(properties);
            }

            properties.PageSetupProperties = new PageSetupProperties { FitToPage = sheets[i].FitToWidth };
            worksheet.GetFirstChild<PageMargins>()?.Remove();
            worksheet.AddChild(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            worksheet.GetFirstChild<PageSetup>()?.Remove();
            worksheet.AddChild(new PageSetup
            {
                PaperSize = 9, Orientation = sheets[i].Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
                FitToWidth = sheets[i].FitToWidth ? 1u : null, FitToHeight = sheets[i].FitToWidth ? 0u : null,
            });
            worksheet.GetFirstChild<HeaderFooter>()?.Remove();
            worksheet.AddChild(new HeaderFooter(new OddFooter($"&C{T(sheets[i], "page")} &P {T(sheets[i], "of")} &N")));
            worksheet.Save();
            if (sheets[i].FrozenRows > 0)
            {
                names.Append(new DefinedName($"'{entries[i].Name!.Value!.Replace("'", "''", StringComparison.Ordinal)}'!$1:${sheets[i].FrozenRows}")
                {
                    Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i,
                });
            }
        }

        if (names.HasChildren)
        {
            workbookPart.Workbook.GetFirstChild<DefinedNames>()?.Remove();
            workbookPart.Workbook.AddChild(names);
            workbookPart.Workbook.Save();
        }
    }

    private static string T(XlsxSheet sheet, string key) => Messages.Text(sheet.Language ?? Messages.Current, "export.document." + key);
}
