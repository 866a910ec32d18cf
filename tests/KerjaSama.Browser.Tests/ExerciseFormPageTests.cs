using System.Net.Http.Headers;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using KerjaSama.TestKit.Browser;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace KerjaSama.Browser.Tests;

/// <summary>The secretariat starts a mapping exercise on the page, without the API (issue 22).</summary>
public abstract class ExerciseFormPageTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_secretariat_creates_an_exercise_with_the_form_picking_an_invited_agency_by_search_and_sees_it_in_the_list()
    {
        var platform = fixture.Platform;
        var agencies = JsonDocument.Parse(await platform.Client.GetStringAsync("/api/registry/organisations?kind=agency&region=62&pageSize=100")).RootElement
            .GetProperty("items").EnumerateArray().ToList();
        var setda = agencies.First(a => a.GetProperty("code").GetString() == "62-setda-pemotda");
        var dinkes = agencies.First(a => a.GetProperty("code").GetString() == "62-dinkes");
        var (userName, password, _) = await platform.CreateUserAsync(setda.GetProperty("id").GetGuid(), setda.GetProperty("name").GetString()!,
            PlatformRoles.SecretariatAdmin, "Sekretariat Biro");
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "id",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString("/planning"));
        await SignInForm.SubmitAsync(page, userName, password);
        await page.WaitForURLAsync("**/planning");

        await page.ClickAsync("[data-testid=new-exercise]");
        await page.WaitForURLAsync("**/planning/exercises/new");
        var title = "Pemetaan Potensi Kerja Sama " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("input[name='Form.Title']", title);
        await page.FillAsync("input[name='Form.RegionCode']", "62");
        await page.SelectOptionAsync("select[name='Form.PeriodKind']", "rpjmd");
        await page.FillAsync("input[name='Form.StartYear']", "2025");
        // The picker narrows to what is typed; the agency is then ticked among the few left.
        await page.FillAsync("[data-testid=org-search]", "62-dinkes");
        var visible = page.Locator("#org-picker label[data-filter-item]:visible");
        await Assertions.Expect(visible).ToHaveCountAsync(1);
        await visible.Locator("input[type=checkbox]").CheckAsync();
        await page.ClickAsync("[data-testid=exercise-form] button[type=submit]");

        await page.WaitForURLAsync("**/planning?saved=**");
        await Assertions.Expect(page.Locator("[data-testid=exercise-saved]")).ToContainTextAsync(title);
        await page.FillAsync("input[name=q]", title);
        await page.ClickAsync("form[role=search] button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=exercise-list] a", new() { HasText = title })).ToBeVisibleAsync();
        var screenshot = Artifacts.PathOf("exercise-created-in-list.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");

        // Stored as typed, with the agency picked in the form.
        using var api = new HttpClient { BaseAddress = platform.BaseAddress };
        using var session = new BrowserSession(platform.BaseAddress);
        var token = (await session.SignInAsync(userName, password)).GetProperty("access_token").GetString()!;
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var list = await (await api.GetAsync($"/api/planning/exercises?q={Uri.EscapeDataString(title)}")).ReadAsync<JsonElement>();
        var stored = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(2029, stored.GetProperty("endYear").GetInt32());
        Assert.Equal([dinkes.GetProperty("id").GetGuid()], stored.GetProperty("invitedOrganisationIds").EnumerateArray().Select(i => i.GetGuid()));
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class ExerciseFormPageTests_on_Sqlite(SqliteBrowserFixture fixture, ITestOutputHelper output)
    : ExerciseFormPageTests(fixture, output);
