using System.Net.Mail;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Partners.Features.Partners;

namespace KerjaSama.Partners.Profiles;

/// <summary>
/// The one rule for a partner's relationship data, used by <c>PUT /api/partners/{id}</c> and by the profile
/// form. Field names are the API's (<c>Notes</c>, <c>Contacts</c>, <c>Contacts[i].Email</c>); messages from the catalogue.
/// </summary>
internal static class PartnerProfileRules
{
    public const int MaxContacts = 20;
    public const int MaxNotes = 4000;

    public static Validator Validate(UpdatePartnerRequest request)
    {
        var v = new Validator().Check(request.Notes is null || request.Notes.Length <= MaxNotes, nameof(request.Notes),
            Msg.Of("max_length", MaxNotes));
        var contacts = request.Contacts ?? [];
        v.Check(contacts.Count <= MaxContacts, nameof(request.Contacts), Msg.Of("contacts_count"));
        v.Check(contacts.Count(c => c.IsPrimary) == 1, nameof(request.Contacts), Msg.Of("one_primary_contact"));
        v.Check(contacts.Any(c => !c.IsPrimary), nameof(request.Contacts), Msg.Of("secondary_contact_required"));
        for (var i = 0; i < contacts.Count; i++)
        {
            var c = contacts[i];
            v.Check(!string.IsNullOrWhiteSpace(c.Name), $"Contacts[{i}].Name", Msg.Of("required"));
            v.Check(c.Name is null || c.Name.Length <= 200, $"Contacts[{i}].Name", Msg.Of("max_length", 200));
            v.Check(c.Position is null || c.Position.Length <= 200, $"Contacts[{i}].Position", Msg.Of("max_length", 200));
            v.Check(c.Email is null || (c.Email.Length <= 254 && MailAddress.TryCreate(c.Email, out _)), $"Contacts[{i}].Email", Msg.Of("email_invalid"));
            v.Check(c.Phone is null || (c.Phone.Length <= 40 && c.Phone.All(ch => char.IsDigit(ch) || ch is '+' or ' ' or '-' or '(' or ')')),
                $"Contacts[{i}].Phone", Msg.Of("phone_format"));
        }

        return v;
    }
}
