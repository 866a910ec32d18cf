using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.TestKit;

namespace KerjaSama.Cluster.Tests;

/// <summary>The REST calls the cluster tests make against a host process: sign-in, a session, the op log and the rows.</summary>
internal static class ClusterApi
{
    public const string DemoPassword = "Kerjasama-Demo-2025!";

    /// <summary>Signs a demo user in through the real authorization code + PKCE flow of <paramref name="host"/>.</summary>
    public static async Task<string> SignInAsync(Uri host, string userName)
    {
        using var browser = new BrowserSession(host);
        var tokens = await browser.SignInAsync(userName, DemoPassword, "kerjasama-cli");
        return tokens.GetProperty("access_token").GetString()!;
    }

    public static HttpClient Client(Uri host, string token)
    {
        var client = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A new exercise in Kalimantan Tengah with its agencies invited, and an open live session on it.</summary>
    public static async Task<(Guid ExerciseId, Guid SessionId)> OpenSessionAsync(Uri host, string adminToken, string facilitatorToken)
    {
        using var admin = Client(host, adminToken);
        var agencies = (await (await admin.GetAsync("/api/registry/organisations?kind=agency&region=62&pageSize=100")).ReadAsync<JsonElement>())
            .GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToArray();
        var created = await admin.PostAsJsonAsync("/api/planning/exercises", new
        {
            regionCode = "62", title = "Klaster " + Guid.NewGuid().ToString("N")[..8], periodKind = "RPJMD", startYear = 2025,
            invitedOrganisationIds = agencies,
        }, HttpAssertions.Json);
        var exerciseId = (await created.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var facilitator = Client(host, facilitatorToken);
        var session = await (await facilitator.PostAsync($"/api/planning/exercises/{exerciseId}/sessions", null)).ReadAsync<JsonElement>(HttpStatusCode.Created);
        return (exerciseId, session.GetProperty("sessionId").GetGuid());
    }

    /// <summary>The whole op log through REST: sequence → op id.</summary>
    public static async Task<Dictionary<long, Guid>> OpLogAsync(HttpClient client, Guid exerciseId)
    {
        var log = new Dictionary<long, Guid>();
        while (true)
        {
            var page = await (await client.GetAsync($"/api/planning/exercises/{exerciseId}/ops?afterSeq={log.Count}&pageSize=100")).ReadAsync<JsonElement>();
            var items = page.GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 0)
                return log;
            foreach (var item in items)
                log[item.GetProperty("seq").GetInt64()] = item.GetProperty("opId").GetGuid();
        }
    }

    /// <summary>The stored rows through REST, in the protocol-neutral text of <see cref="LiveSessionClient.Text"/>.</summary>
    public static async Task<Dictionary<Guid, Dictionary<string, string>>> StoredRowsAsync(HttpClient client, Guid exerciseId)
    {
        var rows = await (await client.GetAsync($"/api/planning/exercises/{exerciseId}/rows")).ReadAsync<JsonElement>();
        return rows.EnumerateArray().ToDictionary(r => r.GetProperty("rowId").GetGuid(),
            r => r.GetProperty("fields").EnumerateObject().ToDictionary(f => f.Name, f => LiveSessionClient.Text(f.Value)));
    }
}
