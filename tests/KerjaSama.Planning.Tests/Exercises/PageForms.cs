using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using KerjaSama.TestKit;

namespace KerjaSama.Planning.Tests.Exercises;

/// <summary>A page client as a browser posts forms: cookies for the antiforgery pair, no automatic redirects, the user's token.</summary>
internal static partial class PageForms
{
    public static HttpClient Client(PlatformFixture platform, TestUser user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = platform.BaseAddress,
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return client;
    }

    /// <summary>GETs the page, then posts the named form with its antiforgery token and the given fields (repeated names allowed).</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> PostAsync(HttpClient client, string path, string handler,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(path);
        var form = new List<KeyValuePair<string, string>> { new("_handler", handler), new("__RequestVerificationToken", Token(page)) };
        form.AddRange(fields);
        var response = await client.PostAsync(path, new FormUrlEncodedContent(form));
        return (response, await response.Content.ReadAsStringAsync());
    }

    public static string Token(string html) => TokenPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
