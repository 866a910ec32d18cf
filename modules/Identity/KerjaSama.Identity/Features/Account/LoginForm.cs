namespace KerjaSama.Identity.Features.Account;

internal sealed record LoginForm(string? UserName, string? Password, string? Organisation, string? ReturnUrl);

internal sealed class SignOutForm
{
    public string? ReturnUrl { get; set; }
}
