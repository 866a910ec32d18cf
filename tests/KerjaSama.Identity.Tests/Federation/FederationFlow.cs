using System.Net;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Identity.Tests.Federation;

/// <summary>The browser side of a federated sign-in, over HTTP without JavaScript, as a user would click through it.</summary>
internal static class FederationFlow
{
    /// <summary>The sign-in page after the email step (GET /account/login?email=).</summary>
    public static Task<string> EmailStepAsync(BrowserSession browser, string email, string returnUrl = "/") =>
        browser.Http.GetStringAsync($"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}&email={Uri.EscapeDataString(email)}");

    /// <summary>Posts the "Masuk dengan …" form of the email step; the answer is the redirect to the partner's provider.</summary>
    public static async Task<HttpResponseMessage> ChooseProviderAsync(BrowserSession browser, Guid providerId, string email, string returnUrl = "/")
    {
        var page = await EmailStepAsync(browser, email, returnUrl);
        Assert.Contains($"action=\"/account/external/{providerId:N}\"", page, StringComparison.Ordinal);
        return await browser.Http.PostAsync($"/account/external/{providerId:N}", new FormUrlEncodedContent(
            [BrowserSession.AntiforgeryFieldOf(page), KeyValuePair.Create("ReturnUrl", returnUrl), KeyValuePair.Create("LoginHint", email)]));
    }

    /// <summary>
    /// Follows the redirects from the challenge through the partner's provider (signing in on its own form) back to the
    /// platform's callback, and returns the platform's answer to the callback.
    /// </summary>
    public static async Task<HttpResponseMessage> FollowToCallbackAsync(BrowserSession browser, HttpResponseMessage response, string userName, string password)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            Assert.True(response.StatusCode is HttpStatusCode.Found or HttpStatusCode.Redirect or HttpStatusCode.SeeOther,
                $"Expected a redirect, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var location = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            if (location.AbsolutePath == "/login")
            {
                response = await browser.Http.PostAsync(new Uri(location, "/login"), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["UserName"] = userName, ["Password"] = password, ["ReturnUrl"] = BrowserSession.QueryValue(location, "ReturnUrl") ?? "/",
                }));
                continue;
            }

            response = await browser.Http.GetAsync(location);
            if (location.AbsolutePath.StartsWith("/account/external/callback/", StringComparison.Ordinal))
                return response;
        }

        throw new InvalidOperationException("The federated sign-in did not come back to the platform.");
    }

    public static async Task AssertStatusAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
            Assert.Fail($"Expected {(int)status}, got {(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<HttpResponseMessage> SignInAsync(BrowserSession browser, Guid providerId, string email, string userName, string password,
        string returnUrl = "/") =>
        await FollowToCallbackAsync(browser, await ChooseProviderAsync(browser, providerId, email, returnUrl), userName, password);
}
