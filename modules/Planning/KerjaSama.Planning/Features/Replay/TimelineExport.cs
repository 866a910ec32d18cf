using System.Globalization;
using System.Text.Json;
using KerjaSama.Modularity.Csv;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Spreadsheets;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using Microsoft.AspNetCore.Http;

namespace KerjaSama.Planning.Features.Replay;

/// <summary>
/// The timeline as a file (ADR 0017): CSV through <see cref="CsvFile"/> (Sep; formula cells neutralised), one line per
/// field written with the value it replaced; XLSX through <see cref="XlsxWriter"/> (SpreadCheetah) with three sheets:
/// the changes, the buckets per organisation, the sessions' moments. The XLSX's sheet names, headings and labels are the
/// catalogue's <c>export.timeline.*</c> in the reader's language (issue 20); the CSV keeps its column names (a program reads it).
/// </summary>
internal static class TimelineExport
{
    /// <summary>One field written by one op, with the row's potential at that point and the value before.</summary>
    internal sealed record Line(long Seq, DateTimeOffset At, Guid SessionId, string Kind, Guid RowId, string? Potential, string Field,
        string? Previous, string? Value, string Author, string Organisation);

    private static readonly string[] CsvHeader =
        ["seq", "at_utc", "session_id", "kind", "row_id", "potential", "field", "previous_value", "value", "author", "organisation"];


    public static async Task<IResult> ExportAsync(Guid id, string format, PlanningDb db, string? sessionId, string? bucketSeconds, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx"))
            return Problems.NotFound("unknown_format", "The timeline exports as .csv or .xlsx.");
        var (session, bucket, problem) = await ReplayEndpoints.ParseAsync(db, id, sessionId, bucketSeconds, ct);
        if (problem is not null)
            return problem;
        var (view, tooMany) = await ReplayEndpoints.LoadAsync(db, id, session, bucket, ct);
        if (tooMany is not null)
            return tooMany;
        var lines = await LinesAsync(db, id, view, ct);
        var name = session is null ? $"linimasa-pemetaan-{id:N}" : $"linimasa-sesi-{session.Id:N}";
        if (format == "csv")
        {
            var records = new List<IEnumerable<object?>> { CsvHeader };
            records.AddRange(lines.Select(l => new object?[]
            {
                l.Seq, l.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), l.SessionId, l.Kind,
                l.RowId, l.Potential, l.Field, l.Previous, l.Value, l.Author, l.Organisation,
            }));
            return TypedResults.File(CsvFile.Utf8WithBom(CsvFile.Write(records)), "text/csv; charset=utf-8", name + ".csv");
        }

        var language = Messages.Current;
        return TypedResults.File(await XlsxWriter.WriteAsync([Changes(lines, language), Buckets(view, language), Sessions(view, language)], ct),
            XlsxWriter.ContentType, name + ".xlsx");
    }

    /// <summary>Replays the log (the same writes as the grain) to know each field's value before each op of the timeline.</summary>
    public static async Task<List<Line>> LinesAsync(PlanningDb db, Guid id, Timeline.View view, CancellationToken ct)
    {
        var wanted = view.Changes.Select(c => c.Seq).ToHashSet();
        var owners = await MatrixReplay.OwnersAsync(db, id, ct);
        var rows = new Dictionary<Guid, RowState>();
        var lines = new List<Line>();
        foreach (var op in await Timeline.OpsAsync(db, id, null, ct))
        {
            var before = rows.GetValueOrDefault(op.RowId);
            var previous = op.Fields.Keys.ToDictionary(f => f, f => before?.Values.GetValueOrDefault(f), StringComparer.Ordinal);
            var row = RowWrites.Apply(rows, op, r => owners.TryGetValue(r, out var owner) ? owner : null);
            if (!wanted.Contains(op.Seq))
                continue;
            var potential = Display(row?.Values.GetValueOrDefault(MatrixFieldNames.Potential));
            IEnumerable<KeyValuePair<string, string?>> fields = op.Fields.Count == 0 ? [new("", null)] : op.Fields.OrderBy(f => f.Key, StringComparer.Ordinal);
            foreach (var (field, value) in fields)
            {
                lines.Add(new Line(op.Seq, op.At, op.SessionId, op.Kind, op.RowId, potential, field,
                    Display(field.Length == 0 ? null : previous[field]), Display(value), op.Author.DisplayName, op.Author.OrganisationName));
            }
        }

        return lines;
    }

    /// <summary>A canonical value as text: strings as they are, lists joined with "; ", numbers and the rest as JSON.</summary>
    public static string? Display(string? json)
    {
        if (json is null)
            return null;
        using var document = JsonDocument.Parse(json);
        var e = document.RootElement;
        return e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Array when e.EnumerateArray().All(i => i.ValueKind is JsonValueKind.String or JsonValueKind.Number) =>
                string.Join("; ", e.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() : i.GetRawText())),
            JsonValueKind.True => "ya",
            JsonValueKind.False => "tidak",
            _ => e.GetRawText(),
        };
    }

    private static XlsxSheet Changes(List<Line> lines, CultureInfo language)
    {
        var sheet = new XlsxSheet(T(language, "changes")) { FrozenRows = 1 };
        sheet.Widths.AddRange([7, 19, 12, 11, 12, 36, 20, 30, 30, 20, 28]);
        string[] header =
        [
            T(language, "col_seq"), T(language, "col_time"), T(language, "col_session"), T(language, "col_kind"), T(language, "col_row"),
            T(language, "col_potential"), T(language, "col_field"), T(language, "col_previous"), T(language, "col_value"), T(language, "col_author"),
            T(language, "col_organisation"),
        ];
        sheet.AddRow([.. header.Select(h => new XlsxCell(h, XlsxStyle.Header))]);
        foreach (var l in lines)
        {
            sheet.AddRow(new XlsxCell(l.Seq, XlsxStyle.Number), new XlsxCell(l.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
                new XlsxCell(l.SessionId.ToString("N")[..8]), new XlsxCell(l.Kind), new XlsxCell(l.RowId.ToString("N")[..8]), new XlsxCell(l.Potential),
                new XlsxCell(l.Field), new XlsxCell(l.Previous), new XlsxCell(l.Value), new XlsxCell(l.Author), new XlsxCell(l.Organisation));
        }

        return sheet;
    }

    private static XlsxSheet Buckets(Timeline.View view, CultureInfo language)
    {
        var organisations = view.Organisations;
        var sheet = new XlsxSheet(T(language, "timeline")) { FrozenRows = 1 };
        sheet.Widths.AddRange([19, 19, 9, 9, 9, .. organisations.Select(_ => 14d)]);
        sheet.AddRow([new(T(language, "col_from"), XlsxStyle.Header), new(T(language, "col_to"), XlsxStyle.Header), new(T(language, "col_first_seq"), XlsxStyle.Header),
            new(T(language, "col_last_seq"), XlsxStyle.Header), new(T(language, "col_ops"), XlsxStyle.Header), .. organisations.Select(o => new XlsxCell(o.Name, XlsxStyle.Header))]);
        foreach (var b in view.Buckets)
        {
            sheet.AddRow([new(Time(b.From)), new(Time(b.To)), new(b.FirstSeq, XlsxStyle.Number), new(b.LastSeq, XlsxStyle.Number), new(b.Ops, XlsxStyle.Number),
                .. organisations.Select(o => new XlsxCell(b.ByOrganisation.FirstOrDefault(c => c.OrganisationId == o.OrganisationId)?.Ops ?? 0, XlsxStyle.Number))]);
        }

        sheet.AddRow([new(T(language, "total"), XlsxStyle.TotalLabel), new(null, XlsxStyle.TotalLabel), new(null, XlsxStyle.TotalLabel), new(null, XlsxStyle.TotalLabel),
            new(view.Changes.Count, XlsxStyle.Total), .. organisations.Select(o => new XlsxCell(o.Ops, XlsxStyle.Total))]);
        return sheet;
    }

    private static XlsxSheet Sessions(Timeline.View view, CultureInfo language)
    {
        var sheet = new XlsxSheet(T(language, "sessions")) { FrozenRows = 1 };
        sheet.Widths.AddRange([12, 12, 19, 9, 24]);
        sheet.AddRow(new XlsxCell(T(language, "col_session"), XlsxStyle.Header), new XlsxCell(T(language, "col_event"), XlsxStyle.Header),
            new XlsxCell(T(language, "col_time"), XlsxStyle.Header), new XlsxCell(T(language, "col_seq"), XlsxStyle.Header), new XlsxCell(T(language, "col_author"), XlsxStyle.Header));
        foreach (var s in view.Sessions)
        {
            foreach (var m in s.Moments)
            {
                sheet.AddRow(new XlsxCell(s.SessionId.ToString("N")[..8]), new XlsxCell(MomentLabel(m.Kind, language)), new XlsxCell(Time(m.At)),
                    new XlsxCell(m.Seq, XlsxStyle.Number), new XlsxCell(m.ByName));
            }
        }

        return sheet;
    }

    private static string MomentLabel(string kind, CultureInfo language) => kind switch
    {
        "opened" => T(language, "moment_opened"),
        "locked" => T(language, "moment_locked"),
        "unlocked" => T(language, "moment_unlocked"),
        "closed" => T(language, "moment_closed"),
        _ => kind,
    };

    private static string T(CultureInfo language, string key) => Messages.Text(language, "export.timeline." + key);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
