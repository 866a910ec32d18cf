using System.Net.Mail;
using KerjaSama.Modularity.Http;
using KerjaSama.Partners.Features;

namespace KerjaSama.Partners.Profiles;

/// <summary>
/// The one rule for a partner's relationship data, used by <c>PUT /api/partners/partners/{id}</c> and by the profile
/// form. Field names are the API's (<c>Notes</c>, <c>Contacts</c>, <c>Contacts[i].Email</c>); messages in Bahasa Indonesia.
/// </summary>
internal static class PartnerProfileRules
{
    public const int MaxContacts = 20;
    public const int MaxNotes = 4000;

    public static Validator Validate(UpdatePartnerRequest request)
    {
        var v = new Validator().Check(request.Notes is null || request.Notes.Length <= MaxNotes, nameof(request.Notes),
            $"Paling banyak {MaxNotes} karakter.");
        var contacts = request.Contacts ?? [];
        v.Check(contacts.Count <= MaxContacts, nameof(request.Contacts), $"Paling banyak {MaxContacts} narahubung.");
        v.Check(contacts.Count(c => c.IsPrimary) == 1, nameof(request.Contacts), "Tepat satu narahubung utama.");
        v.Check(contacts.Any(c => !c.IsPrimary), nameof(request.Contacts), "Paling sedikit satu narahubung cadangan selain yang utama.");
        for (var i = 0; i < contacts.Count; i++)
        {
            var c = contacts[i];
            v.Check(!string.IsNullOrWhiteSpace(c.Name), $"Contacts[{i}].Name", "Nama wajib diisi.");
            v.Check(c.Name is null || c.Name.Length <= 200, $"Contacts[{i}].Name", "Paling banyak 200 karakter.");
            v.Check(c.Position is null || c.Position.Length <= 200, $"Contacts[{i}].Position", "Paling banyak 200 karakter.");
            v.Check(c.Email is null || (c.Email.Length <= 254 && MailAddress.TryCreate(c.Email, out _)), $"Contacts[{i}].Email", "Bukan alamat surel yang sah (mis. nama@instansi.go.id).");
            v.Check(c.Phone is null || (c.Phone.Length <= 40 && c.Phone.All(ch => char.IsDigit(ch) || ch is '+' or ' ' or '-' or '(' or ')')),
                $"Contacts[{i}].Phone", "Hanya angka, spasi, + - ( ), paling banyak 40 karakter.");
        }

        return v;
    }
}
