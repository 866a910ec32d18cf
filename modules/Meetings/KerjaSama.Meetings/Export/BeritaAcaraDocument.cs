using System.Globalization;
using KerjaSama.Meetings.Features.Summary;
using KerjaSama.Modularity.Documents;
using KerjaSama.Modularity.Localization;
using KerjaSama.Planning.Contracts.Register;

namespace KerjaSama.Meetings.Export;

/// <summary>
/// The Berita Acara of a mapping meeting as Indonesian minutes are written: the opening with the day and date in words
/// ("Pada hari ini Kamis tanggal tiga bulan Desember tahun dua ribu dua puluh enam"), place and time, the agenda, who
/// attended (per organisation and by name), the rows agreed per government affair (from the Planning consolidation,
/// through <see cref="IAgreedRows"/>), the agreements, and the signatures of the chair and one representative per
/// attending organisation. An official record: always in Bahasa Indonesia (docs/messages.md), its texts are the
/// catalogue's <c>export.berita_acara.*</c> read in Indonesian.
/// </summary>
internal static class BeritaAcaraDocument
{
    public static string Heading => T("heading");

    public static byte[] Build(MeetingSummary s, IReadOnlyList<AgreedRowInfo> agreed)
    {
        var m = s.Meeting;
        var date = MinutesDocument.LocalDate(m);
        var start = m.StartsAt.ToOffset(MinutesDocument.Offset(m));
        var doc = new WordDocument()
            .Paragraph(Heading, bold: true, size: 28, centre: true, spaceAfter: 0)
            .Paragraph(m.Title.ToUpperInvariant(), bold: true, size: 24, centre: true, spaceAfter: 0)
            .Paragraph(T("number"), centre: true, spaceAfter: 240);
        doc.Justified(Opening(s, date, start));

        doc.Heading(T("agenda"));
        if (m.Agenda.Count == 0)
            doc.Paragraph("-");
        for (var i = 0; i < m.Agenda.Count; i++)
            doc.Paragraph($"{i + 1}. {m.Agenda[i]}");

        doc.Heading(T("attendance"));
        var organisations = s.Organisations.Where(o => o.People > 0 || o.Invited).ToList();
        if (organisations.Count == 0)
            doc.Paragraph(MinutesDocument.NoAttendance(Messages.Indonesian), italic: true);
        else
            doc.Table([T("col_number"), T("col_organisation"), T("col_invited"), T("col_present")],
                organisations.Select((o, i) => (IReadOnlyList<string>)[N(i + 1), o.OrganisationName, o.Invited ? T("yes") : T("no"), N(o.People)]), widths: [1, 8, 2, 2]);
        var present = s.Attendance.Where(a => a.Present).ToList();
        if (present.Count > 0)
        {
            doc.Paragraph(T("participants"), bold: true);
            doc.Table([T("col_number"), T("col_name"), T("col_organisation"), T("col_signature")],
                present.Select((a, i) => (IReadOnlyList<string>)[N(i + 1), a.DisplayName, a.OrganisationName, ""]), widths: [1, 6, 7, 4]);
        }

        doc.Heading(T("results"));
        doc.Paragraph(T("rows_summary", s.RowsAdded, agreed.Count));
        if (agreed.Count == 0 && s.RowsPerAffair.Count > 0)
            doc.Table([T("col_number"), T("col_affair"), T("col_rows")],
                s.RowsPerAffair.Select((r, i) => (IReadOnlyList<string>)[N(i + 1), r.AffairCode ?? T("not_filled"), N(r.Rows)]), widths: [1, 8, 3]);
        foreach (var affair in agreed.GroupBy(r => r.AffairName))
        {
            doc.Paragraph(T("affair_rows", affair.Key, affair.Count()), bold: true);
            doc.Table([T("col_number"), T("col_potential"), T("col_type"), T("col_partners"), T("col_agency"), T("col_status")],
                affair.Select((r, i) => (IReadOnlyList<string>)
                [
                    N(i + 1), string.Join(" / ", new[] { r.Potential, r.CooperationObject }.Where(t => !string.IsNullOrWhiteSpace(t))),
                    TypeLabel(r.CooperationType), r.Partners, r.ResponsibleAgency, r.StatusLabel,
                ]), widths: [1, 8, 3, 4, 4, 3], size: 16);
        }

        doc.Heading(T("agreements"));
        if (s.Decisions.Count == 0)
            doc.Paragraph("-");
        for (var i = 0; i < s.Decisions.Count; i++)
            doc.Paragraph($"{i + 1}. {s.Decisions[i].Text}");

        doc.Justified(T("closing"));
        var representatives = s.Attendance.Where(a => a.Present).GroupBy(a => a.OrganisationId)
            .Select(g => new SignatureBlock(T("representative", g.First().OrganisationName), g.First().DisplayName)).ToList();
        doc.Blank().Signatures([new SignatureBlock(T("chair"), null, "NIP. ...................................."), .. representatives],
            $"{MinutesDocument.Place(m)}, {IndonesianDates.Format(date)}");
        return doc.ToBytes();
    }

    /// <summary>"Pada hari ini Kamis tanggal tiga bulan Desember tahun dua ribu dua puluh enam (03-12-2026), pukul 09.00 WIB ...".</summary>
    internal static string Opening(MeetingSummary s, DateOnly date, DateTimeOffset start)
    {
        var m = s.Meeting;
        var where = string.IsNullOrWhiteSpace(m.Place) ? (m.OnlineLink is null ? "" : T("opening_online")) : T("opening_place", m.Place);
        var people = s.Attendance.Count(a => a.Present);
        // The words of the date and the number are the language's own (IndonesianWords); the sentence around them is the catalogue's.
        return T("opening", IndonesianWords.Date(date), date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), IndonesianDates.Time(start), m.TimeZone,
            where, m.Title, IndonesianWords.Number(people), N(people), N(s.Organisations.Count(o => o.People > 0)));
    }

    private static string TypeLabel(string? type) => type switch
    {
        "KSDD-wajib" => T("type_ksdd_mandatory"),
        "KSDD-sukarela" => T("type_ksdd_voluntary"),
        null or "" => "-",
        _ => type,
    };

    // An official record: Indonesian whatever the reader chose.
    private static string T(string key, params object?[] args) => Messages.Text(Messages.Indonesian, "export.berita_acara." + key, args);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
