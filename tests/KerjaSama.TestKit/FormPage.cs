using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Xunit;

namespace KerjaSama.TestKit;

/// <summary>
/// A user posting a page's form as a browser does: it GETs the page (keeping the antiforgery cookie), then posts the
/// fields with the antiforgery token and the form's name (<c>_handler</c>). Redirects are not followed.
/// </summary>
public sealed partial class FormPage : IDisposable
{
    private readonly HttpClient _http;

    public FormPage(Uri baseAddress, TestUser user)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
    }

    public HttpClient Http => _http;

    /// <summary>The page's HTML; fails unless it answers 200.</summary>
    public async Task<string> GetAsync(string path)
    {
        var response = await _http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {html}");
        return html;
    }

    /// <summary>Posts the form named <paramref name="formName"/> with the antiforgery token of <paramref name="html"/>.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string html, string formName, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var body = new List<KeyValuePair<string, string>> { new("_handler", formName), new("__RequestVerificationToken", Token(html)) };
        body.AddRange(fields);
        return _http.PostAsync(path, new FormUrlEncodedContent(body));
    }

    /// <summary>The messages shown under a field (<c>FieldErrors</c>), decoded.</summary>
    public static IReadOnlyList<string> FieldErrors(string html, string field) =>
        [.. FieldError().Matches(html).Where(m => WebUtility.HtmlDecode(m.Groups["field"].Value) == field)
            .Select(m => WebUtility.HtmlDecode(m.Groups["text"].Value))];

    public static string Token(string html) => TokenPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token on the page.");

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<span class=\"error field-error\" data-field=\"(?<field>[^\"]*)\">(?<text>[^<]*)</span>")]
    private static partial Regex FieldError();
}
