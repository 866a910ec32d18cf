using KerjaSama.Identity.Contracts;

namespace KerjaSama.Partners.Pages;

internal sealed class PartnerSignOnForm
{
    public string? DisplayName { get; set; }

    public string? Issuer { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? Scopes { get; set; } = "profile email";

    public string? NameClaim { get; set; } = "name";

    public string? EmailClaim { get; set; } = "email";

    public string? Domains { get; set; }

    public bool RequireApproval { get; set; } = true;

    public static PartnerSignOnForm From(PartnerSignOnInfo info) => new()
    {
        DisplayName = info.DisplayName, Issuer = info.Issuer, ClientId = info.ClientId, Scopes = string.Join(' ', info.Scopes), NameClaim = info.NameClaim,
        EmailClaim = info.EmailClaim, Domains = string.Join(", ", info.Domains), RequireApproval = info.RequireApproval,
    };

    public PartnerSignOnRequest ToRequest(Guid organisationId) => new(organisationId, DisplayName, Issuer, ClientId,
        string.IsNullOrEmpty(ClientSecret) ? null : ClientSecret, Split(Scopes), NameClaim, EmailClaim, Split(Domains), RequireApproval);

    private static string[] Split(string? value) => (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
