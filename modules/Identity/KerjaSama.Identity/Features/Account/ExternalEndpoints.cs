using KerjaSama.Identity.Federation;
using KerjaSama.Identity.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Client.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KerjaSama.Identity.Features.Account;

/// <summary>Sign-in with a partner organisation's own provider: the challenge (a form post) and the provider's callback.</summary>
internal static class ExternalEndpoints
{
    private const string Client = OpenIddictClientAspNetCoreDefaults.AuthenticationScheme;

    public static void Map(RouteGroupBuilder account)
    {
        // Form binding makes the antiforgery middleware check the token: nobody can start a sign-in for someone else.
        account.MapPost("/external/{id:guid}", Challenge);
        // The provider's answer comes back as a redirect (or a form post): its state token, not antiforgery, binds it.
        account.MapMethods("/external/callback/{id}", [HttpMethods.Get, HttpMethods.Post], Callback).DisableAntiforgery();
    }

    private static IResult Challenge(Guid id, [FromForm] ExternalForm form, FederationCatalog catalog, HttpContext context)
    {
        if (catalog.Find(id) is not { } provider)
            return Pages.Message(context, StatusCodes.Status404NotFound, "Penyedia tidak terdaftar", "Provider not registered",
                "Penyedia masuk ini tidak (lagi) terdaftar. Masuk dengan kata sandi atau hubungi sekretariat.",
                "This sign-in provider is not (or no longer) registered. Sign in with a password or contact the secretariat.");
        var properties = new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictClientAspNetCoreConstants.Properties.RegistrationId] = provider.RegistrationId,
        })
        {
            RedirectUri = ReturnUrls.Local(form.ReturnUrl),
        };
        if (!string.IsNullOrWhiteSpace(form.LoginHint) && form.LoginHint.Length <= 256)
            properties.Items[OpenIddictClientAspNetCoreConstants.Properties.LoginHint] = form.LoginHint.Trim();
        return Results.Challenge(properties, [Client]);
    }

    private static async Task<IResult> Callback(string id, HttpContext context, FederationCatalog catalog, ExternalSignIn external, AuditLog audit,
        CancellationToken ct)
    {
        var ip = context.Connection.RemoteIpAddress?.ToString();
        AuthenticateResult result;
        try
        {
            result = await context.AuthenticateAsync(Client);
        }
        catch (InvalidOperationException e)
        {
            // The state names a registration that is gone (removed or changed since the sign-in started).
            result = AuthenticateResult.Fail(e.Message);
        }

        var registrationId = result.Principal?.GetClaim(Claims.Private.RegistrationId);
        var provider = catalog.Providers.FirstOrDefault(p => p.RegistrationId == registrationId);
        if (!result.Succeeded || result.Principal is not { Identity.IsAuthenticated: true } || provider is null || provider.Id.ToString("N") != id)
        {
            var error = result.Properties?.GetString(OpenIddictClientAspNetCoreConstants.Properties.Error) is { } code
                ? $"{code}: {result.Properties.GetString(OpenIddictClientAspNetCoreConstants.Properties.ErrorDescription)}"
                : result.Failure?.Message ?? "unknown provider";
            await audit.WriteAsync(AuditKinds.SignInFailed, null, null, ip, $"federated callback {id}: {error}", cancellationToken: ct);
            return Pages.Message(context, StatusCodes.Status400BadRequest, "Masuk gagal", "Sign-in failed",
                "Jawaban penyedia masuk organisasi Anda tidak dapat diterima. Ulangi dari halaman masuk.",
                $"The answer of your organisation's sign-in provider cannot be accepted ({error}). Start again from the sign-in page.");
        }

        var (outcome, principal) = await external.SignInAsync(provider, result.Principal, IdentityModule.CookieScheme, ip, ct);
        switch (outcome)
        {
            case ExternalOutcome.SignedIn:
                await context.SignInAsync(IdentityModule.CookieScheme, principal!);
                return Results.LocalRedirect(ReturnUrls.Local(result.Properties?.RedirectUri));
            case ExternalOutcome.PendingApproval:
                return Pages.Message(context, StatusCodes.Status200OK, "Menunggu persetujuan", "Waiting for approval",
                    $"Anda telah masuk melalui {provider.DisplayName}. Akun Anda menunggu persetujuan sekretariat Bagian Kerja Sama; coba lagi setelah disetujui.",
                    $"You signed in through {provider.DisplayName}. Your account is waiting for the approval of the cooperation secretariat; try again once it is approved.");
            case ExternalOutcome.Suspended:
                return Pages.Message(context, StatusCodes.Status403Forbidden, "Akun ditangguhkan", "Account suspended",
                    "Keanggotaan Anda ditangguhkan. Hubungi sekretariat.", "Your membership is suspended. Contact the secretariat.");
            case ExternalOutcome.DomainNotServed:
                return Pages.Message(context, StatusCodes.Status403Forbidden, "Alamat email tidak dilayani", "Email address not served",
                    $"{provider.DisplayName} tidak terdaftar untuk domain email Anda.", $"{provider.DisplayName} is not registered for your email domain.");
            case ExternalOutcome.EmailNotVerified:
                return Pages.Message(context, StatusCodes.Status403Forbidden, "Alamat email belum terverifikasi", "Email address not verified",
                    $"{provider.DisplayName} tidak menyatakan alamat email Anda terverifikasi. Verifikasi alamat itu di penyedia organisasi Anda, lalu ulangi.",
                    $"{provider.DisplayName} does not say your email address is verified. Verify it with your organisation's provider, then try again.");
            default:
                return Pages.Message(context, StatusCodes.Status403Forbidden, "Masuk ditolak", "Sign-in refused",
                    "Akun ini tidak dapat masuk. Hubungi sekretariat.", "This account cannot sign in. Contact the secretariat.");
        }
    }
}

internal sealed class ExternalForm
{
    public string? ReturnUrl { get; set; }

    public string? LoginHint { get; set; }
}
