using System.Net;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KerjaSama.Identity.Tests;

/// <summary>Signing keys and the data-protection key ring live in the data folder: a restarted host (or a second one)
/// accepts the tokens and cookies the first one issued.</summary>
public sealed class KeyPersistenceTests
{
    [Fact]
    public async Task Tokens_and_cookies_survive_a_restart_of_the_host()
    {
        await using var database = TestDatabase.Sqlite();
        var settings = database.Settings();
        // Two hosts behind one address agree on the issuer; here they run one after the other on different ports.
        settings["KerjaSama:Identity:Issuer"] = "http://127.0.0.1/";
        string accessToken;
        Cookie cookie;
        await using (var first = new PlatformFactory(settings))
        {
            var address = Start(first);
            var fixture = new { BaseAddress = address };
            await using var scope = first.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<Users.UserAccounts>();
            var (user, _) = await accounts.CreateAsync($"restart.{Guid.NewGuid():N}@tests.kerjasama", "Restart", "Tetap-Masuk-2025!", null, CancellationToken.None);
            await accounts.AddMembershipAsync(user!.Id, TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.Observer,
                Users.MembershipStatus.Active, CancellationToken.None);
            using var browser = new BrowserSession(fixture.BaseAddress);
            var tokens = await browser.SignInAsync(user.UserName, "Tetap-Masuk-2025!");
            accessToken = tokens.GetProperty("access_token").GetString()!;
            cookie = browser.Cookies.GetAllCookies().Single(c => c.Name == "kerjasama.auth");
        }

        await using var second = new PlatformFactory(settings);
        var again = Start(second);
        using var api = new HttpClient { BaseAddress = again };
        api.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/identity/me")).StatusCode);

        using var browserAgain = new BrowserSession(again);
        browserAgain.Cookies.Add(again, new Cookie(cookie.Name, cookie.Value, "/"));
        Assert.Equal(HttpStatusCode.OK, (await browserAgain.Http.GetAsync("/api/identity/me")).StatusCode);
    }

    [Fact]
    public async Task With_a_key_ring_certificate_the_data_protection_keys_are_encrypted_at_rest_and_still_read_after_a_restart()
    {
        await using var database = TestDatabase.Sqlite();
        var pfx = Path.Combine(database.DataDirectory, "key-ring.pfx");
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=KerjaSama key ring (tests)", rsa,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, "kunci-uji"));
        }

        var settings = database.Settings();
        settings["KerjaSama:Identity:KeyRingCertificatePath"] = pfx;
        settings["KerjaSama:Identity:KeyRingCertificatePassword"] = "kunci-uji";
        Cookie cookie;
        await using (var first = new PlatformFactory(settings))
        {
            var address = Start(first);
            var (userName, password) = await ObserverAsync(first);
            using var browser = new BrowserSession(address);
            Assert.Equal(HttpStatusCode.Found, (await browser.PostLoginAsync(userName, password, "/")).StatusCode);
            cookie = browser.Cookies.GetAllCookies().Single(c => c.Name == "kerjasama.auth");
        }

        var ring = Directory.GetFiles(Path.Combine(database.DataDirectory, "keys", "data-protection"), "*.xml");
        Assert.NotEmpty(ring);
        foreach (var file in ring)
        {
            var xml = await File.ReadAllTextAsync(file);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal);
        }

        await using var second = new PlatformFactory(settings);
        var again = Start(second);
        using var browserAgain = new BrowserSession(again);
        browserAgain.Cookies.Add(again, new Cookie(cookie.Name, cookie.Value, "/"));
        Assert.Equal(HttpStatusCode.OK, (await browserAgain.Http.GetAsync("/api/identity/me")).StatusCode);
    }

    private static async Task<(string UserName, string Password)> ObserverAsync(PlatformFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Users.UserAccounts>();
        var userName = $"ring.{Guid.NewGuid():N}@tests.kerjasama";
        var (user, _) = await accounts.CreateAsync(userName, "Ring", "Cincin-Kunci-2025!", null, CancellationToken.None);
        await accounts.AddMembershipAsync(user!.Id, TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.Observer,
            Users.MembershipStatus.Active, CancellationToken.None);
        return (userName, "Cincin-Kunci-2025!");
    }

    private static Uri Start(PlatformFactory factory)
    {
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }
}
