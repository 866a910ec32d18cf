using System.Net;
using System.Text.RegularExpressions;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Identity.Tests;

/// <summary>Posts Blazor SSR forms as a browser does: the form's handler name plus the page's antiforgery token.</summary>
internal static partial class PageForms
{
    public static async Task<HttpResponseMessage> PostAsync(BrowserSession browser, string page, string handler, Dictionary<string, string>? fields = null)
    {
        var html = await browser.Http.GetStringAsync(page);
        Assert.Contains($"value=\"{handler}\"", html, StringComparison.Ordinal);
        var token = Token().Match(html);
        Assert.True(token.Success, "No antiforgery token on " + page);
        var form = new Dictionary<string, string>(fields ?? [])
        {
            ["_handler"] = handler, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        return await browser.Http.PostAsync(page, new FormUrlEncodedContent(form));
    }

    /// <summary>A browser signed in with the cookie (the sign-in form), as the pages see it.</summary>
    public static async Task<BrowserSession> SignedInAsync(PlatformFixture platform, Guid organisationId, string organisationName, string role,
        string? displayName = null)
    {
        var (userName, password, _) = await platform.CreateUserAsync(organisationId, organisationName, role, displayName);
        var browser = new BrowserSession(platform.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await browser.PostLoginAsync(userName, password, "/")).StatusCode);
        return browser;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
