using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace KerjaSama.TestKit;

/// <summary>
/// A scripted browser for the authorization-code + PKCE flow over real HTTP: its own cookies, no automatic
/// redirects, and the sign-in form posted with its antiforgery token, as a user's browser would.
/// </summary>
public sealed partial class BrowserSession : IDisposable
{
    public const string TestClient = "kerjasama-tests";
    public const string ConfidentialClient = "kerjasama-tests-confidential";
    public const string MachineClient = "kerjasama-tests-machine";
    public const string TestSecret = "test-secret-for-the-testing-environment-only";
    public const string RedirectUri = "http://127.0.0.1/callback";
    public const string SignedOutUri = "http://127.0.0.1/signed-out";

    private readonly HttpClientHandler _handler;

    public BrowserSession(Uri baseAddress)
    {
        _handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        Http = new HttpClient(_handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies => _handler.CookieContainer;

    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string challenge, string clientId = TestClient, string redirectUri = RedirectUri,
        string scope = "openid profile offline_access api", string method = "S256") =>
        "/connect/authorize?" + Query(new()
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = redirectUri, ["scope"] = scope,
            ["code_challenge"] = challenge, ["code_challenge_method"] = method, ["state"] = Guid.NewGuid().ToString("N"),
        });

    /// <summary>GETs the form, then posts it with the antiforgery token; returns the answer (a redirect on success).</summary>
    public async Task<HttpResponseMessage> PostLoginAsync(string userName, string password, string returnUrl, string? organisation = null)
    {
        var page = await Http.GetStringAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "No antiforgery field on the sign-in page.");
        return await Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [WebUtility.HtmlDecode(token.Groups["name"].Value)] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["UserName"] = userName, ["Password"] = password, ["ReturnUrl"] = returnUrl, ["Organisation"] = organisation ?? "",
        }));
    }

    /// <summary>Runs the authorization request to its end (signing in when asked) and returns the code.</summary>
    public async Task<string> AuthorizeAsync(string userName, string password, string challenge, string clientId = TestClient,
        string? organisation = null)
    {
        var response = await Http.GetAsync(AuthorizeUrl(challenge, clientId));
        if (response.StatusCode == HttpStatusCode.Found && response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal))
        {
            var returnUrl = QueryValue(new Uri(Http.BaseAddress!, response.Headers.Location), "ReturnUrl")!;
            var login = await PostLoginAsync(userName, password, returnUrl, organisation);
            Assert.True(login.StatusCode == HttpStatusCode.Found, $"Sign-in failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
            response = await Http.GetAsync(login.Headers.Location);
        }

        Assert.True(response.StatusCode == HttpStatusCode.Found, $"Authorization failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var callback = response.Headers.Location!;
        Assert.StartsWith(RedirectUri, callback.OriginalString, StringComparison.Ordinal);
        return QueryValue(callback, "code") ?? throw new InvalidOperationException($"No code in {callback}");
    }

    public Task<HttpResponseMessage> RedeemAsync(string code, string verifier, string clientId = TestClient, string? secret = null,
        string redirectUri = RedirectUri) =>
        TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["code_verifier"] = verifier, ["redirect_uri"] = redirectUri,
            ["client_id"] = clientId, ["client_secret"] = secret,
        });

    public Task<HttpResponseMessage> TokenAsync(Dictionary<string, string?> form) =>
        Http.PostAsync("/connect/token", new FormUrlEncodedContent(form.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, p.Value!))));

    /// <summary>Signs in and redeems the code: the token response as JSON.</summary>
    public async Task<JsonElement> SignInAsync(string userName, string password, string clientId = TestClient, string? secret = null,
        string? organisation = null)
    {
        var (verifier, challenge) = NewPkce();
        var code = await AuthorizeAsync(userName, password, challenge, clientId, organisation);
        var response = await RedeemAsync(code, verifier, clientId, secret);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Token request failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The antiforgery field of a page's form, as a browser would post it back.</summary>
    public static KeyValuePair<string, string> AntiforgeryFieldOf(string html)
    {
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, "No antiforgery field on the page.");
        return KeyValuePair.Create(WebUtility.HtmlDecode(token.Groups["name"].Value), WebUtility.HtmlDecode(token.Groups["value"].Value));
    }

    public static string? QueryValue(Uri uri, string name)
    {
        var query = uri.IsAbsoluteUri ? uri.Query : uri.OriginalString[(uri.OriginalString.IndexOf('?', StringComparison.Ordinal) + 1)..];
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (Uri.UnescapeDataString(parts[0]) == name)
                return parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "";
        }

        return null;
    }

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    private static string Query(Dictionary<string, string> values) =>
        string.Join('&', values.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__RequestVerificationToken|[^\"]*Antiforgery[^\"]*|[^\"]*RequestVerification[^\"]*)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex AntiforgeryField();
}
