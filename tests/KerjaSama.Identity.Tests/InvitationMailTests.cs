using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KerjaSama.Identity.Persistence;
using KerjaSama.Identity.Tests.Lifetimes;
using KerjaSama.Modularity.Mail;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;
using KerjaSama.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit;

namespace KerjaSama.Identity.Tests;

/// <summary>
/// E-mailed invitations over real HTTP: the secretariat invites, the invitee reads the .eml from the pickup folder, follows the
/// one-time link, chooses a password under the policy and signs in with the authorization-code flow; a spent or expired link
/// changes nothing.
/// </summary>
public abstract partial class InvitationMailTests(ClockedPlatformFixture platform)
{
    private const string Password = "Barito-Kapuas-Katingan-2025";

    private async Task<(HttpClient Admin, TestUser AdminUser)> SecretariatAsync()
    {
        var admin = await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin);
        return (platform.ClientFor(admin), admin);
    }

    private async Task<(string UserName, JsonElement Invitation)> InviteAsync(HttpClient admin)
    {
        var userName = $"undangan.{Guid.NewGuid():N}@tests.kerjasama";
        var pemotda = await platform.Services.GetRequiredService<IOrganisationDirectory>().FindByCodeAsync("62-setda-pemotda", CancellationToken.None);
        var invitation = await (await admin.PostJsonAsync("/api/identity/invitations", new
        {
            userName, displayName = "Staf Baru Pemotda", organisationId = pemotda!.Id, role = PlatformRoles.Observer,
        })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        return (userName, invitation);
    }

    /// <summary>The invitation e-mail addressed to that user in the pickup folder, and the link it carries.</summary>
    private MimeMessage MailTo(string userName)
    {
        var folder = platform.Services.GetRequiredService<MailOptions>().PickupDirectory;
        var messages = Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => b.Address == userName)).ToList();
        return Assert.Single(messages);
    }

    private static Uri LinkIn(MimeMessage message)
    {
        var match = Link().Match(message.TextBody ?? "");
        Assert.True(match.Success, "No invitation link in the e-mail: " + message.TextBody);
        return new Uri(match.Value);
    }

    private static async Task<HttpResponseMessage> PostPasswordAsync(BrowserSession browser, string page, string token, string password, string? confirm = null) =>
        await browser.Http.PostAsync("/account/invitation", new FormUrlEncodedContent(
            [BrowserSession.AntiforgeryFieldOf(page), KeyValuePair.Create("Token", token), KeyValuePair.Create("Password", password),
                KeyValuePair.Create("Confirm", confirm ?? password)]));

    private async Task<(string? PasswordHash, string Status)> StoredAsync(string userName)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var user = await db.Users.AsNoTracking().Include(u => u.Memberships).SingleAsync(u => u.UserName == userName);
        return (user.PasswordHash, user.Memberships.Single().Status.ToString().ToLowerInvariant());
    }

    [Fact]
    public async Task An_invitee_follows_the_emailed_link_chooses_a_password_under_the_policy_and_signs_in_with_the_code_flow()
    {
        var (admin, adminUser) = await SecretariatAsync();
        using var _ = admin;
        var (userName, invitation) = await InviteAsync(admin);
        Assert.True(invitation.GetProperty("emailed").GetBoolean());
        // The link is for the invitee's mailbox only: the API does not give it to the secretariat once it was mailed.
        Assert.Equal(JsonValueKind.Null, invitation.GetProperty("invitationUrl").ValueKind);

        var mail = MailTo(userName);
        Assert.Contains("Undangan", mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Invitation", mail.Subject, StringComparison.Ordinal); // Indonesian by default (issue 20)
        Assert.Contains("Staf Baru Pemotda", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("satu kali", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("works once", mail.TextBody, StringComparison.Ordinal);
        var link = LinkIn(mail);
        Assert.Equal(platform.BaseAddress.Authority, link.Authority);
        var token = BrowserSession.QueryValue(link, "token")!;

        using var browser = new BrowserSession(platform.BaseAddress);
        var page = await browser.Http.GetStringAsync(link.PathAndQuery);
        Assert.Contains(userName, page, StringComparison.Ordinal);
        // The password policy applies; the two fields must agree; a post without the antiforgery token is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostPasswordAsync(browser, page, token, "pendek")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostPasswordAsync(browser, page, token, "password1234")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostPasswordAsync(browser, page, token, Password, Password + "x")).StatusCode);
        var forged = await browser.Http.PostAsync("/account/invitation", new FormUrlEncodedContent(
            [KeyValuePair.Create("Token", token), KeyValuePair.Create("Password", Password), KeyValuePair.Create("Confirm", Password)]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal((null, "invited"), await StoredAsync(userName));

        var accepted = await PostPasswordAsync(browser, page, token, Password);
        Assert.Equal(HttpStatusCode.Found, accepted.StatusCode);
        Assert.Equal("/account/login?email=" + Uri.EscapeDataString(userName), accepted.Headers.Location!.OriginalString);

        using var client = new BrowserSession(platform.BaseAddress);
        var tokens = await client.SignInAsync(userName, Password);
        using var api = platform.ClientFor(new TestUser(adminUser.Caller, tokens.GetProperty("access_token").GetString()!));
        var me = await (await api.GetAsync("/api/identity/me")).ReadAsync<Caller>();
        Assert.Equal(PlatformRoles.Observer, me.Role);
        Assert.Equal("Staf Baru Pemotda", me.DisplayName);

        var userId = invitation.GetProperty("membership").GetProperty("userId").GetGuid();
        var audit = await (await admin.GetAsync($"/api/identity/audit?userId={userId}")).ReadAsync<List<JsonElement>>();
        var invited = Assert.Single(audit, a => a.GetProperty("kind").GetString() == "user_invited");
        Assert.Equal(adminUser.Caller.UserId, invited.GetProperty("actorId").GetGuid());
        Assert.Equal("127.0.0.1", invited.GetProperty("ipAddress").GetString());
        Assert.Equal("127.0.0.1", Assert.Single(audit, a => a.GetProperty("kind").GetString() == "invitation_accepted").GetProperty("ipAddress").GetString());
    }

    [Fact]
    public async Task Inviting_on_the_users_page_e_mails_the_link_and_does_not_show_it()
    {
        using var browser = await PageForms.SignedInAsync(platform, TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.SecretariatAdmin, "Admin Undangan");
        var userName = $"halaman.{Guid.NewGuid():N}@tests.kerjasama";
        var response = await PageForms.PostAsync(browser, "/identity/users", "invite", new()
        {
            ["email"] = userName, ["name"] = "Staf Dinkes Baru", ["organisation"] = "62-dinkes", ["role"] = PlatformRoles.AgencyContributor,
        });
        response.EnsureSuccessStatusCode();
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Undangan dikirim ke " + userName, page, StringComparison.Ordinal);
        Assert.DoesNotContain("invitation-link", page, StringComparison.Ordinal);
        var link = LinkIn(MailTo(userName));
        Assert.DoesNotContain(BrowserSession.QueryValue(link, "token")!, page, StringComparison.Ordinal);
        Assert.Equal((null, "invited"), await StoredAsync(userName));
        using var invitee = new BrowserSession(platform.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await invitee.Http.GetAsync(link.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task A_spent_link_gets_a_clear_error_and_cannot_change_the_password()
    {
        var (admin, _) = await SecretariatAsync();
        using var __ = admin;
        var (userName, _) = await InviteAsync(admin);
        var link = LinkIn(MailTo(userName));
        var token = BrowserSession.QueryValue(link, "token")!;
        using var browser = new BrowserSession(platform.BaseAddress);
        var page = await browser.Http.GetStringAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Found, (await PostPasswordAsync(browser, page, token, Password)).StatusCode);
        var (hash, status) = await StoredAsync(userName);
        Assert.Equal("active", status);

        using var other = new BrowserSession(platform.BaseAddress);
        var again = await other.Http.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var message = await again.Content.ReadAsStringAsync();
        Assert.Contains("sudah dipakai", message, StringComparison.Ordinal);
        Assert.Contains("already used", message, StringComparison.Ordinal);
        var loginPage = await other.Http.GetStringAsync("/account/login");
        var replay = await PostPasswordAsync(other, loginPage, token, "Sungai-Mentaya-Seruyan-2026");
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("sudah dipakai", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((hash, "active"), await StoredAsync(userName));
        Assert.Equal(HttpStatusCode.BadRequest, (await other.PostLoginAsync(userName, "Sungai-Mentaya-Seruyan-2026", "/")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await other.PostLoginAsync(userName, Password, "/")).StatusCode);
    }

    [Fact]
    public async Task An_expired_link_gets_a_clear_error_and_changes_nothing()
    {
        var (admin, _) = await SecretariatAsync();
        using var __ = admin;
        var (userName, _) = await InviteAsync(admin);
        var link = LinkIn(MailTo(userName));
        var token = BrowserSession.QueryValue(link, "token")!;
        using var browser = new BrowserSession(platform.BaseAddress);
        var page = await browser.Http.GetStringAsync(link.PathAndQuery);

        platform.Clock.Advance(TimeSpan.FromDays(8)); // InvitationDays is 7

        var shown = await browser.Http.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, shown.StatusCode);
        Assert.Contains("kedaluwarsa", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var posted = await PostPasswordAsync(browser, page, token, Password);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("expired", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((null, "invited"), await StoredAsync(userName));
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostLoginAsync(userName, Password, "/")).StatusCode);
    }

    [GeneratedRegex(@"https?://[^\s]+/account/invitation\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex Link();
}

[Collection(ClockedSqliteCollection.Name)]
public sealed class InvitationMailTests_on_Sqlite(ClockedSqlitePlatformFixture p) : InvitationMailTests(p);

[Collection(ClockedPostgreSqlCollection.Name)]
public sealed class InvitationMailTests_on_PostgreSql(ClockedPostgreSqlPlatformFixture p) : InvitationMailTests(p);
