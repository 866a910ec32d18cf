using KerjaSama.Partners.Features.Partners;
using KerjaSama.Partners.Profiles;

namespace KerjaSama.Partners.Pages;

/// <summary>
/// The profile form: notes and one row per person in charge, the primary one picked by a radio button. Rows left
/// wholly blank are spare rows and are not sent; the rules' field names (<c>Contacts[i].Email</c>) are mapped back to rows.
/// </summary>
internal sealed class PartnerProfileFormModel
{
    public string? Notes { get; set; }

    public long Version { get; set; }

    /// <summary>The row index of the primary person in charge.</summary>
    public int? Primary { get; set; }

    public List<ContactRow> Contacts { get; set; } = [];

    public static PartnerProfileFormModel From(PartnerDto partner) => new()
    {
        Notes = partner.Notes, Version = partner.Version,
        Primary = partner.Contacts.Count == 0 ? 0 : partner.Contacts.ToList().FindIndex(c => c.IsPrimary),
        Contacts = [.. partner.Contacts.Select(c => new ContactRow { Name = c.Name, Position = c.Position, Email = c.Email, Phone = c.Phone })],
    };

    /// <summary>Two spare rows at the end (at most the rules' limit), so that a person can be added without script.</summary>
    public PartnerProfileFormModel WithSpareRows()
    {
        while (Contacts.Count < PartnerProfileRules.MaxContacts && (Contacts.Count < 2 || !Contacts[^1].IsBlank || !Contacts[^2].IsBlank))
            Contacts.Add(new ContactRow());
        return this;
    }

    /// <summary>The API's request, and for each contact in it the form row it came from.</summary>
    public (UpdatePartnerRequest Request, IReadOnlyList<int> Rows) ToRequest()
    {
        var rows = Enumerable.Range(0, Contacts.Count).Where(i => !Contacts[i].IsBlank || i == Primary).ToList();
        var contacts = rows.Select(i => Contacts[i]).Select((c, n) => new ContactDto(Clean(c.Name), Clean(c.Position), Clean(c.Email), Clean(c.Phone),
            rows[n] == Primary)).ToList();
        return (new UpdatePartnerRequest(Clean(Notes), contacts, Version), rows);
    }

    /// <summary>The rules' errors with <c>Contacts[n]</c> renamed to the form row <c>Contacts[row]</c>.</summary>
    public static Dictionary<string, string[]> ErrorsByRow(IDictionary<string, string[]> errors, IReadOnlyList<int> rows) =>
        errors.ToDictionary(e => RowField(e.Key, rows), e => e.Value, StringComparer.Ordinal);

    private static string RowField(string field, IReadOnlyList<int> rows)
    {
        if (!field.StartsWith("Contacts[", StringComparison.Ordinal))
            return field;
        var close = field.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(field.AsSpan(9, close - 9), out var n) && n < rows.Count ? $"Contacts[{rows[n]}]{field[(close + 1)..]}" : field;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

internal sealed class ContactRow
{
    public string? Name { get; set; }

    public string? Position { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Position) && string.IsNullOrWhiteSpace(Email)
        && string.IsNullOrWhiteSpace(Phone);
}
