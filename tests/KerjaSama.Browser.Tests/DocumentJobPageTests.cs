using System.Text;
using KerjaSama.TestKit;
using KerjaSama.TestKit.Browser;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace KerjaSama.Browser.Tests;

/// <summary>Background jobs as a person sees them on the pages: a PDF to sign made with a progress bar, an import with rows checked.</summary>
public abstract class DocumentJobPageTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_facilitator_makes_the_decree_annex_PDF_and_imports_a_matrix_with_progress_on_the_page()
    {
        var s = await BoardScenario.StartAsync(fixture.Platform);
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = s.Platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "id", AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var annex = $"/planning/exercises/{s.ExerciseId}/annex";
        await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(annex));
        await SignInForm.SubmitAsync(page, s.Facilitator.UserName, s.Facilitator.Password);
        await page.WaitForURLAsync("**" + annex);

        await page.ClickAsync("[data-testid=annex-pdf]");
        await Assertions.Expect(page.Locator(".job-progress progress")).ToBeVisibleAsync();
        var link = page.Locator(".job-progress a.job-download");
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator(".job-progress .job-text")).ToHaveTextAsync("Selesai.");
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Artifacts.PathOf("decree-annex-from-page.pdf");
        await download.SaveAsAsync(path);
        Assert.Equal("%PDF", Encoding.ASCII.GetString((await File.ReadAllBytesAsync(path))[..4]));
        output.WriteLine($"PDF downloaded from the annex page: {path}");

        // The consolidation page's import runs as a job: rows checked are shown, then the page reloads with the rows.
        await page.GotoAsync($"/planning/exercises/{s.ExerciseId}");
        var csv = "affair_code,potential,cooperation_type,partner_region_codes\n"
                  + string.Concat(Enumerable.Range(1, 120).Select(i => $"1.02,Potensi dari impor {i},KSDD-sukarela,63\n"));
        await page.Locator("details:has([data-testid=import-form]) > summary").ClickAsync();
        await page.Locator("[data-testid=import-form] input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "matriks.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await page.Locator("[data-testid=import-form] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-form] + .job-progress .job-outcome")).ToHaveTextAsync("120 baris diimpor.",
            new() { Timeout = 60_000 });
        var stored = await s.StoredRowsAsync();
        Assert.Equal(120, stored.Values.Count(r => r.TryGetValue("potential", out var p) && p.StartsWith("Potensi dari impor", StringComparison.Ordinal)));
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class DocumentJobPageTests_on_Sqlite(SqliteBrowserFixture fixture, ITestOutputHelper output)
    : DocumentJobPageTests(fixture, output);
