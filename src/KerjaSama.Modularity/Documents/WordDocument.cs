using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KerjaSama.Modularity.Localization;

namespace KerjaSama.Modularity.Documents;

/// <summary>
/// A small builder for the Word documents people sign (minutes, berita acara, the decree annex): A4 portrait or
/// landscape, Arial-like body text, bordered tables with a repeating header row, "Halaman X dari Y" in the footer and
/// signature blocks side by side. The footer's words (<c>export.document.*</c>) and the proofing language are the document's
/// language: Indonesian unless the builder is given the reader's (minutes, the RPJMD/RKPD table).
/// </summary>
public sealed class WordDocument
{
    private readonly List<OpenXmlElement> _body = [];
    private readonly bool _landscape;
    private readonly CultureInfo _language;

    public WordDocument(bool landscape = false, CultureInfo? language = null)
    {
        _landscape = landscape;
        _language = language ?? Messages.Indonesian;
    }

    public WordDocument Paragraph(string text, bool bold = false, bool italic = false, int size = 22, bool centre = false, int spaceAfter = 60)
    {
        _body.Add(Para(text, bold, italic, size, centre ? JustificationValues.Center : JustificationValues.Left, spaceAfter));
        return this;
    }

    public WordDocument Justified(string text, int size = 22)
    {
        _body.Add(Para(text, false, false, size, JustificationValues.Both, 120));
        return this;
    }

    public WordDocument Heading(string text) => Paragraph(text, bold: true, size: 24, spaceAfter: 120);

    public WordDocument Blank() => Paragraph("");

    /// <summary>A bordered table; the header row repeats on every page. <paramref name="widths"/> are relative column widths.</summary>
    public WordDocument Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<int>? widths = null, int size = 18)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableLayout { Type = TableLayoutValues.Fixed }));
        var usable = _landscape ? 14400 : 9600;
        var weights = widths ?? [.. headers.Select(_ => 1)];
        var total = weights.Sum();
        var grid = new TableGrid();
        foreach (var w in weights)
            grid.Append(new GridColumn { Width = (usable * w / total).ToString(CultureInfo.InvariantCulture) });
        table.Append(grid);
        var header = Row(headers, bold: true, size);
        header.PrependChild(new TableRowProperties(new TableHeader()));
        table.Append(header);
        foreach (var row in rows)
            table.Append(Row(row, bold: false, size));
        _body.Add(table);
        _body.Add(Para("", false, false, 12, JustificationValues.Left, 0));
        return this;
    }

    /// <summary>
    /// Signature blocks side by side: each with its heading ("Pimpinan Rapat,"), room to sign, the name in brackets and
    /// an optional second line (NIP, organisation). Blocks are kept together on one page.
    /// </summary>
    public WordDocument Signatures(IReadOnlyList<SignatureBlock> blocks, string? placeAndDate = null)
    {
        if (placeAndDate is not null)
            _body.Add(Para(placeAndDate, false, false, 22, JustificationValues.Right, 120, keepNext: true));
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableLayout { Type = TableLayoutValues.Fixed }));
        foreach (var line in blocks.Chunk(3))
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            foreach (var b in line)
            {
                var cell = new TableCell();
                cell.Append(Para(b.Heading, true, false, 22, JustificationValues.Center, 0, keepNext: true));
                if (b.Subheading is not null)
                    cell.Append(Para(b.Subheading, false, false, 20, JustificationValues.Center, 0, keepNext: true));
                for (var i = 0; i < 4; i++)
                    cell.Append(Para("", false, false, 22, JustificationValues.Center, 0, keepNext: true));
                cell.Append(Para($"( {(string.IsNullOrWhiteSpace(b.Name) ? "...................................." : b.Name)} )", true, false, 22,
                    JustificationValues.Center, 0, keepNext: true));
                if (b.Detail is not null)
                    cell.Append(Para(b.Detail, false, false, 20, JustificationValues.Center, 0));
                row.Append(cell);
            }

            table.Append(row);
        }

        _body.Add(table);
        return this;
    }

    /// <summary>
    /// A borderless block of "LABEL : value" lines in the right part of the page, starting at <paramref name="indentPercent"/>
    /// of the width, under an optional title: the LAMPIRAN heading of a decree annex.
    /// </summary>
    public WordDocument LabelledBlock(IReadOnlyList<string> titleLines, IReadOnlyList<(string Label, string Value)> lines, int indentPercent = 55, int size = 20)
    {
        var indent = Usable * indentPercent / 100;
        foreach (var title in titleLines)
        {
            var paragraph = Para(title, false, false, size, JustificationValues.Left, 0);
            paragraph.ParagraphProperties!.Append(new Indentation { Left = indent.ToString(CultureInfo.InvariantCulture) });
            _body.Add(paragraph);
        }

        var width = Usable - indent;
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(CultureInfo.InvariantCulture) },
            new TableIndentation { Width = indent, Type = TableWidthUnitValues.Dxa }, new TableLayout { Type = TableLayoutValues.Fixed }));
        int[] columns = [width * 22 / 100, width * 4 / 100, width - width * 22 / 100 - width * 4 / 100];
        table.Append(new TableGrid(columns.Select(c => new GridColumn { Width = c.ToString(CultureInfo.InvariantCulture) })));
        foreach (var (label, value) in lines)
            table.Append(new TableRow(new[] { label, ":", value }.Select(c => new TableCell(Para(c, false, false, size, JustificationValues.Left, 0)))));
        _body.Add(table);
        _body.Add(Para("", false, false, 12, JustificationValues.Left, 120));
        return this;
    }

    /// <summary>
    /// One signature in the right half of the page, as a decree is signed: the place and date lines, the title, room to
    /// sign, the name (underlined, bold) and the NIP line; kept on one page.
    /// </summary>
    public WordDocument SignatureRight(IReadOnlyList<string> placeAndDate, SignatureBlock block)
    {
        var half = Usable / 2;
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Dxa, Width = half.ToString(CultureInfo.InvariantCulture) },
            new TableIndentation { Width = Usable - half, Type = TableWidthUnitValues.Dxa }, new TableLayout { Type = TableLayoutValues.Fixed }));
        var cell = new TableCell();
        foreach (var line in placeAndDate)
            cell.Append(Para(line, false, false, 22, JustificationValues.Left, 0, keepNext: true));
        cell.Append(Para("", false, false, 22, JustificationValues.Left, 0, keepNext: true));
        cell.Append(Para(block.Heading, true, false, 22, JustificationValues.Center, 0, keepNext: true));
        if (block.Subheading is not null)
            cell.Append(Para(block.Subheading, false, false, 20, JustificationValues.Center, 0, keepNext: true));
        for (var i = 0; i < 4; i++)
            cell.Append(Para("", false, false, 22, JustificationValues.Center, 0, keepNext: true));
        var name = Para(string.IsNullOrWhiteSpace(block.Name) ? "...................................." : block.Name, true, false, 22,
            JustificationValues.Center, 0, keepNext: block.Detail is not null);
        foreach (var run in name.Elements<Run>())
            run.RunProperties!.Append(new Underline { Val = UnderlineValues.Single });
        cell.Append(name);
        if (block.Detail is not null)
            cell.Append(Para(block.Detail, false, false, 20, JustificationValues.Center, 0));
        table.Append(new TableRow(new TableRowProperties(new CantSplit()), cell));
        _body.Add(table);
        return this;
    }

    private int Usable => _landscape ? 14570 : 9638;

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" },
                    new FontSize { Val = "22" }, new Languages { Val = _language.Equals(Messages.English) ? "en-GB" : "id-ID" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));
            var footerPart = main.AddNewPart<FooterPart>();
            footerPart.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                Small(T("page") + " "), new SimpleField(Small("1")) { Instruction = " PAGE " }, Small(" " + T("of") + " "),
                new SimpleField(Small("1")) { Instruction = " NUMPAGES " }));
            var body = new Body(_body.Select(e => e.CloneNode(true)));
            var (w, h) = _landscape ? (16838U, 11906U) : (11906U, 16838U);
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footerPart) },
                new PageSize { Width = w, Height = h, Orient = _landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Run Small(string text) =>
        new(new RunProperties(new FontSize { Val = "18" }), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static TableRow Row(IReadOnlyList<string> cells, bool bold, int size) =>
        new(cells.Select(c => new TableCell(Para(c, bold, false, size, JustificationValues.Left, 0))));

    private static Paragraph Para(string text, bool bold, bool italic, int size, JustificationValues align, int spaceAfter, bool keepNext = false)
    {
        var props = new RunProperties(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (bold)
            props.Append(new Bold());
        if (italic)
            props.Append(new Italic());
        var paragraphProps = new ParagraphProperties();
        if (keepNext)
            paragraphProps.Append(new KeepNext());
        paragraphProps.Append(new SpacingBetweenLines { After = spaceAfter.ToString(CultureInfo.InvariantCulture) });
        paragraphProps.Append(new Justification { Val = align });
        var paragraph = new Paragraph(paragraphProps);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = new Run((RunProperties)props.CloneNode(true));
            if (i > 0)
                run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            paragraph.Append(run);
        }

        return paragraph;
    }

    private string T(string key) => Messages.Text(_language, "export.document." + key);
}

/// <summary>One signature in a document: "Pimpinan Rapat," then room to sign, then the name and a detail line.</summary>
public sealed record SignatureBlock(string Heading, string? Name, string? Detail = null, string? Subheading = null);
