using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Tests.Live;
using KerjaSama.TestKit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Localization;

/// <summary>
/// One language per audience (issue 20): REST problems and hub rejections speak Bahasa Indonesia unless the request
/// or the connection asks for English; the codes stay English and a refused request changes nothing.
/// </summary>
public abstract class MessageLanguageTests(PlatformFixture platform)
{
    private async Task<(HttpResponseMessage Response, string Title)> CreateBadExerciseAsync(TestUser secretariat, Action<HttpRequestMessage> language)
    {
        using var client = platform.ClientFor(secretariat);
        var title = "Bahasa " + Guid.NewGuid().ToString("N")[..8];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/planning/exercises")
        {
            Content = JsonContent.Create(new { regionCode = "", title, periodKind = "RENSTRA", startYear = 2025 }),
        };
        language(request);
        return (await client.SendAsync(request), title);
    }

    private async Task AssertNotStoredAsync(TestUser secretariat, string title)
    {
        using var client = platform.ClientFor(secretariat);
        var list = await (await client.GetAsync($"/api/planning/exercises?q={Uri.EscapeDataString(title)}&pageSize=200")).ReadAsync<JsonElement>();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), e => e.GetProperty("title").GetString() == title);
    }

    private async Task<TestUser> SecretariatAsync()
    {
        var agencies = await SessionScenario.OrganisationsAsync(platform, "kind=agency&region=62");
        return await platform.SignInAsync(agencies[0].Id, agencies[0].Name, Modularity.Security.PlatformRoles.SecretariatAdmin, "Sekretariat");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("id")]
    [InlineData("id-ID,id;q=0.9,en;q=0.5")]
    [InlineData("fr-FR")]
    public async Task A_bad_request_is_answered_in_Indonesian_by_default_with_English_codes_and_nothing_is_stored(string? acceptLanguage)
    {
        var secretariat = await SecretariatAsync();
        var (response, title) = await CreateBadExerciseAsync(secretariat, r =>
        {
            if (acceptLanguage is not null)
                r.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        });

        var problem = await response.AssertValidationProblemAsync("RegionCode", "PeriodKind");
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.Equal("Satu atau beberapa isian tidak valid.", problem.GetProperty("title").GetString());
        Assert.Equal("Wajib diisi.", problem.GetProperty("errors").GetProperty("RegionCode")[0].GetString());
        Assert.Equal("RPJMD (lima tahun) atau RKPD (satu tahun).", problem.GetProperty("errors").GetProperty("PeriodKind")[0].GetString());
        Assert.Equal("required", problem.GetProperty("codes").GetProperty("RegionCode")[0].GetString());
        Assert.Equal("plan_kind_one_of", problem.GetProperty("codes").GetProperty("PeriodKind")[0].GetString());
        await AssertNotStoredAsync(secretariat, title);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-GB,en;q=0.9,id;q=0.5")]
    public async Task A_bad_request_asking_for_English_gets_English_texts_and_the_same_codes(string acceptLanguage)
    {
        var secretariat = await SecretariatAsync();
        var (response, title) = await CreateBadExerciseAsync(secretariat, r => r.Headers.AcceptLanguage.ParseAdd(acceptLanguage));

        var problem = await response.AssertValidationProblemAsync("RegionCode", "PeriodKind");
        Assert.Equal("One or more fields are invalid.", problem.GetProperty("title").GetString());
        Assert.Equal("Required.", problem.GetProperty("errors").GetProperty("RegionCode")[0].GetString());
        Assert.Equal("RPJMD (five years) or RKPD (one year).", problem.GetProperty("errors").GetProperty("PeriodKind")[0].GetString());
        Assert.Equal("required", problem.GetProperty("codes").GetProperty("RegionCode")[0].GetString());
        await AssertNotStoredAsync(secretariat, title);
    }

    [Fact]
    public async Task The_language_chosen_in_the_shell_cookie_wins_over_Accept_Language()
    {
        var secretariat = await SecretariatAsync();
        var (response, title) = await CreateBadExerciseAsync(secretariat, r =>
        {
            r.Headers.AcceptLanguage.ParseAdd("id");
            r.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        });
        var problem = await response.AssertValidationProblemAsync("RegionCode");
        Assert.Equal("One or more fields are invalid.", problem.GetProperty("title").GetString());
        await AssertNotStoredAsync(secretariat, title);
    }

    [Fact]
    public async Task A_not_found_problem_has_an_Indonesian_title_and_detail_and_an_English_one_when_asked()
    {
        var secretariat = await SecretariatAsync();
        using var client = platform.ClientFor(secretariat);
        var id = Guid.NewGuid();
        var indonesian = await (await client.GetAsync($"/api/planning/exercises/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "exercise_not_found");
        Assert.Equal("Tidak ditemukan", indonesian.GetProperty("title").GetString());
        Assert.Equal("Tidak ada pemetaan dengan id ini.", indonesian.GetProperty("detail").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/planning/exercises/{id}");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.NotFound, "exercise_not_found");
        Assert.Equal("Not found", english.GetProperty("title").GetString());
        Assert.Equal("No mapping exercise has this id.", english.GetProperty("detail").GetString());
    }

    private async Task<HubConnection> ConnectAsync(TestUser user, string? acceptLanguage)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(platform.BaseAddress, HubNames.Path), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(user.AccessToken);
                if (acceptLanguage is not null)
                    o.Headers["Accept-Language"] = acceptLanguage;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private static Task<Ack> SubmitAsync(HubConnection connection, Guid sessionId, string kind, Guid rowId, Dictionary<string, object?> fields) =>
        connection.InvokeAsync<Ack>(HubNames.Submit, new SubmitOp { SessionId = sessionId, OpId = Guid.NewGuid(), Kind = kind, RowId = rowId, Fields = fields });

    [Fact]
    public async Task A_hub_rejection_keeps_its_English_code_and_carries_the_message_in_the_connections_language()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var indonesian = await ConnectAsync(s.AgencyA, null);
        await using var english = await ConnectAsync(s.AgencyB, "en");

        var notJoined = await SubmitAsync(indonesian, s.SessionId, OpKinds.Add, Guid.NewGuid(), []);
        Assert.Equal(RejectionCodes.NotJoined, notJoined.Error?.Code);
        Assert.Equal("Bergabunglah ke sesi sebelum mengirim perubahan.", notJoined.Error?.Message);
        var notJoinedEn = await SubmitAsync(english, s.SessionId, OpKinds.Add, Guid.NewGuid(), []);
        Assert.Equal(RejectionCodes.NotJoined, notJoinedEn.Error?.Code);
        Assert.Equal("Join the session before submitting to it.", notJoinedEn.Error?.Message);

        // Rejected by the grain (which answers English): the hub gives the text of the code in the connection's language.
        await indonesian.InvokeAsync<JoinResult>(HubNames.Join, s.SessionId, 0L);
        await english.InvokeAsync<JoinResult>(HubNames.Join, s.SessionId, 0L);
        var unknownRow = await SubmitAsync(indonesian, s.SessionId, OpKinds.Update, Guid.NewGuid(), new() { [F.Notes] = "x" });
        Assert.Equal(RejectionCodes.UnknownRow, unknownRow.Error?.Code);
        Assert.Equal("Baris ini tidak ada di matriks.", unknownRow.Error?.Message);
        var tooLong = await SubmitAsync(english, s.SessionId, OpKinds.Add, Guid.NewGuid(), new()
        {
            [F.AffairCode] = "1.02", [F.Potential] = "Air bersih", [F.CooperationType] = "KSDD-wajib", [F.PartnerRegionCodes] = new[] { "63" },
            [F.StartYear] = 2026, [F.DurationYears] = 9,
        });
        Assert.Equal("duration_over_five_years", tooLong.Error?.Code);
        Assert.Equal("A cooperation lasts at most 5 years unless a legal basis is cited.", tooLong.Error?.Message);
        Assert.Equal(0, await s.StoredOpCountAsync());
        Assert.Empty(await s.StoredRowsAsync());
    }

    [Fact]
    public async Task A_refused_join_names_the_code_first_and_explains_in_Indonesian()
    {
        var s = await SessionScenario.StartAsync(platform);
        var outsider = await platform.SignInAsync(s.OtherAgency.Id, s.OtherAgency.Name, Modularity.Security.PlatformRoles.AgencyContributor);
        await using var connection = await ConnectAsync(outsider, "id");
        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JoinResult>(HubNames.Join, s.SessionId, 0L));
        Assert.Contains("not_invited: Organisasi Anda tidak diundang ke pemetaan ini.", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await s.StoredOpCountAsync());
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class MessageLanguageTests_on_Sqlite(SqlitePlatformFixture p) : MessageLanguageTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class MessageLanguageTests_on_PostgreSql(PostgreSqlPlatformFixture p) : MessageLanguageTests(p);
