using System.Text.RegularExpressions;
using KerjaSama.Modularity.Localization;
using KerjaSama.Registry.Contracts;
using KerjaSama.Modularity.Spreadsheets;
using KerjaSama.Registry.Features.Imports;

namespace KerjaSama.Registry.Features.Nomenclature;

/// <summary>The rows an official sheet gives and the lines it refused.</summary>
internal sealed record SheetRows(List<NomenclatureRow> Rows, List<ImportError> Errors);

/// <summary>
/// Reads the nomenclature from the Ministry's spreadsheet, recognising its columns by their headers (Seed/README.md, "Newer
/// editions"). Two layouts: the decree's table (<c>KODE</c>, a <c>NOMENKLATUR …</c> name column, <c>KINERJA</c>,
/// <c>INDIKATOR</c>, <c>SATUAN</c>, optionally the level) with one code per line, and the SIPD export (<c>JENIS PEMDA</c>,
/// <c>BIDANG</c>, <c>PROGRAM</c>, <c>KEGIATAN</c>, <c>SUB KEGIATAN</c>, …) with one sub kegiatan per line and each level's
/// cell written "code name". In the SIPD layout the parents are taken from the lines (a parent belongs to every level
/// its children belong to; where the lines name it differently, a main-series line (kegiatan digit 1 or 2) wins over a
/// series 3–8 line and then the provinsi name over the kabupaten/kota one), the <c>X.XX</c> lines of the supporting
/// programme are written out under every bidang urusan the sheet has at that level, and urusan rows come from an URUSAN
/// column or else from the stored urusan. Kegiatan of the series 3–8 reuse one code for different kegiatan at the two
/// levels: they are read as one row per (code, level) (docs/adr/0025).
/// </summary>
internal static partial class OfficialSheet
{
    private const string Placeholder = "X.XX";

    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        ["KODE"] = "code", ["JENISPEMDA"] = "government", ["PEMDA"] = "government", ["LEVEL"] = "government", ["TINGKAT"] = "government",
        ["TINGKATPEMERINTAHAN"] = "government", ["URUSAN"] = "urusan", ["URUSANUNSUR"] = "urusan", ["BIDANG"] = "bidang",
        ["BIDANGURUSAN"] = "bidang", ["BIDANGURUSANBIDANGUNSUR"] = "bidang", ["PROGRAM"] = "program", ["KEGIATAN"] = "kegiatan",
        ["SUBKEGIATAN"] = "sub", ["KINERJA"] = "output", ["INDIKATOR"] = "indicator", ["SATUAN"] = "unit",
    };

    private static readonly (string Column, string Level)[] Hierarchy =
        [("bidang", Codes.BidangLevel), ("program", Codes.ProgramLevel), ("kegiatan", Codes.KegiatanLevel), ("sub", Codes.SubKegiatanLevel)];

    /// <summary>The rows of the sheet's lines; <paramref name="storedUrusan"/> names the urusan when the sheet has no URUSAN column.</summary>
    public static SheetRows Read(IReadOnlyList<SheetLine> lines, IReadOnlyDictionary<string, string> storedUrusan)
    {
        foreach (var line in lines.Take(20))
        {
            var columns = ColumnsOf(line);
            if (columns.ContainsKey("code") && columns.ContainsKey("name"))
                return ReadCoded(lines.Where(l => l.Number > line.Number), columns);
            if (columns.ContainsKey("program") && columns.ContainsKey("kegiatan") && columns.ContainsKey("sub") && columns.ContainsKey("bidang"))
                return ReadHierarchical(lines.Where(l => l.Number > line.Number), columns, storedUrusan);
        }

        return new([], [Error(1, "header", Msg.Of("nomenclature_sheet_layout"))]);
    }

    private static Dictionary<string, int> ColumnsOf(SheetLine line)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < line.Cells.Count; i++)
        {
            var header = NonLetters().Replace(line.Cells[i].ToUpperInvariant(), "");
            var column = header.StartsWith("NOMENKLATUR", StringComparison.Ordinal) ? "name" : Headers.GetValueOrDefault(header);
            if (column is not null)
                columns.TryAdd(column, i);
        }

        return columns;
    }

    private static SheetRows ReadCoded(IEnumerable<SheetLine> lines, Dictionary<string, int> columns)
    {
        var rows = new List<NomenclatureRow>();
        var errors = new List<ImportError>();
        foreach (var line in lines.Where(HasContent))
        {
            var code = Cell(line, columns, "code");
            var government = GovernmentOf(Cell(line, columns, "government"));
            if (government is null)
                errors.Add(Error(line.Number, "level", Msg.Of("nomenclature_government_unknown", Cell(line, columns, "government"))));
            else
                rows.Add(new(line.Number, code, Codes.NomenclatureLevelOf(code) ?? "", Cell(line, columns, "name"), OrNull(Cell(line, columns, "output")),
                    OrNull(Cell(line, columns, "indicator")), OrNull(Cell(line, columns, "unit")), government));
        }

        return new(rows, errors);
    }

    private static SheetRows ReadHierarchical(IEnumerable<SheetLine> lines, Dictionary<string, int> columns, IReadOnlyDictionary<string, string> storedUrusan)
    {
        var errors = new List<ImportError>();
        var parents = new Dictionary<(string Code, string Scope), Parent>();
        var subs = new List<NomenclatureRow>();
        var bidangByGovernment = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var placeholders = new List<(SheetLine Line, string Government, List<(string Code, string Level, string Name)> Cells)>();
        foreach (var line in lines.Where(HasContent))
        {
            var cells = new List<(string Code, string Level, string Name)>();
            foreach (var (column, level) in Hierarchy)
            {
                var match = CodeAndName().Match(Cell(line, columns, column));
                if (!match.Success)
                {
                    errors.Add(Error(line.Number, column == "sub" ? "sub_kegiatan" : column, Msg.Of("nomenclature_cell_not_code", Cell(line, columns, column))));
                    continue;
                }

                var code = match.Groups["code"].Value;
                if (cells.Count > 0 && !code.StartsWith(cells[^1].Code + ".", StringComparison.Ordinal))
                    errors.Add(Error(line.Number, column == "sub" ? "sub_kegiatan" : column, Msg.Of("nomenclature_cell_not_under", code, cells[^1].Code)));
                cells.Add((code, level, Spaces().Replace(match.Groups["name"].Value, " ").Trim()));
            }

            var kegiatanParts = cells.Count == Hierarchy.Length ? cells[2].Code.Split('.') : [];
            var digit = kegiatanParts.Length == 5 ? kegiatanParts[3] : "";
            var government = columns.ContainsKey("government") ? GovernmentOf(Cell(line, columns, "government"))
                : digit switch { "1" => Codes.ProvinceLevel, "2" => Codes.RegencyLevel, _ => null };
            if (government is null or "")
            {
                errors.Add(Error(line.Number, "level", Msg.Of("nomenclature_government_unknown", Cell(line, columns, "government"))));
                continue;
            }

            if (cells.Count < Hierarchy.Length)
                continue;
            if (cells[0].Code != Placeholder)
                Add(bidangByGovernment, government, cells[0].Code);
            if (digit is "1" or "2" && digit != (government == Codes.ProvinceLevel ? "1" : "2"))
                errors.Add(Error(line.Number, "level", Msg.Of("nomenclature_digit_level_mismatch", cells[2].Code, government)));
            if (cells[0].Code == Placeholder)
                placeholders.Add((line, government, cells));
            else
                Emit(line, columns, cells, government, parents, subs);
        }

        foreach (var (line, government, cells) in placeholders)
        {
            foreach (var bidang in bidangByGovernment.GetValueOrDefault(government) ?? [])
                Emit(line, columns, [(bidang, Codes.BidangLevel, ""), .. cells.Skip(1).Select(c => (bidang + c.Code[Placeholder.Length..], c.Level, c.Name))],
                    government, parents, subs);
        }

        var urusanColumn = columns.ContainsKey("urusan");
        foreach (var bidang in parents.Values.Where(p => p.Level == Codes.BidangLevel).ToList())
        {
            var code = bidang.Code[..1];
            if (!parents.ContainsKey((code, Codes.AnyScope)) && storedUrusan.TryGetValue(code, out var name) && !urusanColumn)
                AddParent(parents, bidang.Line, (code, Codes.UrusanLevel, name), bidang.Governments.First(), main: true);
            if (parents.TryGetValue((code, Codes.AnyScope), out var urusan))
                urusan.Governments.UnionWith(bidang.Governments);
        }

        var rows = parents.Values.Select(p => new NomenclatureRow(p.Line, p.Code, p.Level, p.Name, null, null, null, Join(p.Governments))).ToList();
        return new([.. rows, .. subs], errors);
    }

    private static void Emit(SheetLine line, Dictionary<string, int> columns, List<(string Code, string Level, string Name)> cells, string government,
        Dictionary<(string Code, string Scope), Parent> parents, List<NomenclatureRow> subs)
    {
        var main = !GovernmentLevels.IsLevelSeries(cells[^1].Code);
        if (columns.ContainsKey("urusan") && CodeAndName().Match(Cell(line, columns, "urusan")) is { Success: true } urusan)
            AddParent(parents, line.Number, (urusan.Groups["code"].Value, Codes.UrusanLevel, Spaces().Replace(urusan.Groups["name"].Value, " ").Trim()), government, main);
        foreach (var cell in cells.Take(cells.Count - 1))
            AddParent(parents, line.Number, cell, government, main);
        var sub = cells[^1];
        subs.Add(new(line.Number, sub.Code, sub.Level, sub.Name, OrNull(Cell(line, columns, "output")), OrNull(Cell(line, columns, "indicator")),
            OrNull(Cell(line, columns, "unit")), government));
    }

    /// <summary>
    /// Adds the line's level to a parent (keyed by code and, for a series 3–8 kegiatan, its level). Its name is the one of
    /// the best line so far: a main-series line before a series 3–8 one, provinsi before kabupaten/kota, the first of equals.
    /// </summary>
    private static void AddParent(Dictionary<(string Code, string Scope), Parent> parents, int line, (string Code, string Level, string Name) cell,
        string government, bool main)
    {
        var key = (cell.Code, GovernmentLevels.IsLevelSeries(cell.Code) ? government : Codes.AnyScope);
        var rank = cell.Name.Length == 0 ? int.MaxValue : (main ? 0 : 2) + (government == Codes.ProvinceLevel ? 0 : 1);
        if (!parents.TryGetValue(key, out var parent))
            parents[key] = parent = new Parent(cell.Code, cell.Level, cell.Name, line) { Rank = rank };
        else if (rank < parent.Rank)
            (parent.Name, parent.Rank) = (cell.Name, rank);
        parent.Governments.Add(government);
    }

    private static void Add(Dictionary<string, SortedSet<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var set))
            map[key] = set = new SortedSet<string>(StringComparer.Ordinal);
        set.Add(value);
    }

    /// <summary>provinsi for PROV/Provinsi, kabupaten_kota for KABKOT/Kabupaten/Kota; "" for an empty cell (not known); null otherwise.</summary>
    private static string? GovernmentOf(string cell) => NonLetters().Replace(cell.ToUpperInvariant(), "") switch
    {
        "" => "",
        "PROV" or "PROVINSI" => Codes.ProvinceLevel,
        "KABKOT" or "KABKOTA" or "KABUPATENKOTA" or "KAB" or "KOTA" or "KABUPATEN" => Codes.RegencyLevel,
        "PROVINSIKABUPATENKOTA" or "PROVKABKOT" => Codes.ProvinceLevel + ";" + Codes.RegencyLevel,
        _ => null,
    };

    private static string Join(IEnumerable<string> governments) =>
        string.Join(';', Codes.GovernmentLevels.Where(governments.SelectMany(g => g.Split(';')).Contains));

    private static string Cell(SheetLine line, Dictionary<string, int> columns, string column) =>
        columns.TryGetValue(column, out var i) && i < line.Cells.Count ? Spaces().Replace(line.Cells[i], " ").Trim() : "";

    private static string? OrNull(string s) => s.Length > 0 ? s : null;

    private static bool HasContent(SheetLine line) => line.Cells.Any(c => !string.IsNullOrWhiteSpace(c));

    private static ImportError Error(int line, string field, Msg reason) => ImportError.Of(line, field, reason);

    [GeneratedRegex(@"[^A-Z]")]
    private static partial Regex NonLetters();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\s*(?<code>[0-9X][0-9X.]*[0-9X])\s+(?<name>\S.*)$", RegexOptions.Singleline)]
    private static partial Regex CodeAndName();

    private sealed class Parent(string code, string level, string name, int line)
    {
        public string Code { get; } = code;
        public string Level { get; } = level;
        public string Name { get; set; } = name;
        public int Line { get; } = line;
        public HashSet<string> Governments { get; } = new(StringComparer.Ordinal);

        public int Rank { get; set; }
    }
}
