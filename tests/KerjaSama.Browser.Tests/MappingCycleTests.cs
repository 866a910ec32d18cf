using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;
using KerjaSama.TestKit;
using KerjaSama.TestKit.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using Xunit;
using Xunit.Abstractions;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Browser.Tests;

/// <summary>
/// Issue 22's "done when": the whole mapping cycle in chromium as the secretariat, two agencies and Bapperida use it, through
/// the pages only (no API call from the test; the accounts are arranged in the host as every browser test does): schedule the
/// meeting, create the exercise on it, run the live session, consolidate, edit budgets, export, re-import with a change,
/// TKKSD review, adopt, and download the decree annex and the Berita Acara.
/// </summary>
public abstract class MappingCycleTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string PotentialA = "Rujukan pasien rumah sakit regional lintas kabupaten";
    private const string PotentialB = "Jalan poros penghubung kawasan perbatasan";

    [Fact]
    public async Task The_secretariat_agencies_and_Bapperida_walk_the_whole_cycle_in_the_browser_and_download_the_documents_to_sign()
    {
        var platform = fixture.Platform;
        var secretariat = await UserAsync("62-setda-pemotda", PlatformRoles.SecretariatAdmin, "Sekretariat Biro Pemerintahan");
        var dinkes = await UserAsync("62-dinkes", PlatformRoles.AgencyContributor, "Ani Dinas Kesehatan");
        var pupr = await UserAsync("62-pupr", PlatformRoles.AgencyContributor, "Budi Dinas PUPR");
        var bapperida = await UserAsync("62-bapperida", PlatformRoles.AgencyContributor, "Citra Bapperida");
        var suffix = Guid.NewGuid().ToString("N")[..6];

        await using var secretariatContext = await ContextAsync();
        var page = await SignInAsync(secretariatContext, secretariat, "/meetings/new");

        // 1. The mapping meeting, then the exercise on it with the two agencies invited (picked by search).
        var meetingTitle = "Rapat Pemetaan Potensi Kerja Sama " + suffix;
        await page.FillAsync("input[name='Form.Title']", meetingTitle);
        await page.FillAsync("input[name='Form.Date']", DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("input[name='Form.StartTime']", "09:00");
        await page.FillAsync("input[name='Form.EndTime']", "12:00");
        await page.SelectOptionAsync("select[name='Form.TimeZone']", "WIB");
        await page.FillAsync("input[name='Form.Place']", "Aula Setda Provinsi Kalimantan Tengah, Palangka Raya");
        await page.FillAsync("input[name='Form.OrganisationCodes']", "62-dinkes, 62-pupr, 62-bapperida");
        await page.ClickAsync("#meeting-form button[type=submit]");
        await page.WaitForURLAsync(new Regex("/meetings/[0-9a-f-]{36}\\?saved=1$"));
        var meetingPath = new Uri(page.Url).AbsolutePath;

        await page.GotoAsync("/planning");
        await page.ClickAsync("[data-testid=new-exercise]");
        var title = "Pemetaan Kerja Sama Daerah Kalimantan Tengah " + suffix;
        await page.FillAsync("input[name='Form.Title']", title);
        await page.FillAsync("input[name='Form.RegionCode']", "62");
        await page.SelectOptionAsync("select[name='Form.PeriodKind']", "rpjmd");
        await page.FillAsync("input[name='Form.StartYear']", "2025");
        await page.SelectOptionAsync("[data-testid=meeting-select]", new SelectOptionValue { Label = await OptionLabelAsync(page, meetingTitle) });
        foreach (var code in new[] { "62-dinkes", "62-pupr" })
        {
            await page.FillAsync("[data-testid=org-search]", code);
            // The picker narrows to what is typed (62-pupr also finds 62-puprkp); the one with this exact code is ticked.
            var visible = page.Locator("#org-picker label[data-filter-item]:visible", new() { HasText = $"({code})" });
            await Assertions.Expect(visible).ToHaveCountAsync(1);
            await visible.Locator("input[type=checkbox]").CheckAsync();
        }

        await Screenshot(page, "cycle-01-exercise-form.png");
        await page.ClickAsync("[data-testid=exercise-form] button[type=submit]");
        await page.WaitForURLAsync("**/planning?saved=**");
        await OpenExerciseAsync(page, title);
        var exercisePath = new Uri(page.Url).AbsolutePath;

        // 2. The live session is opened from the meeting the exercise belongs to.
        await page.GotoAsync(meetingPath);
        await Assertions.Expect(page.Locator("[data-testid=meeting-exercise]")).ToHaveTextAsync(title);
        await page.ClickAsync("form:has(input[name='Open.Confirm']) button[type=submit]");
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Sesi langsung terbuka");

        // 3. Two agencies find the board from their exercise list and fill the matrix together.
        await using var a = await BoardFromListAsync(await ContextAsync(), dinkes, title);
        await using var b = await BoardFromListAsync(await ContextAsync(), pupr, title);
        await Assertions.Expect(a.Page.Locator("[data-testid=presence] li")).ToHaveCountAsync(2);
        var rowA = await a.AddRowAsync(PotentialA);
        await Assertions.Expect(b.Value(rowA, F.Potential)).ToHaveTextAsync(PotentialA);
        var rowB = await b.AddRowAsync(PotentialB);
        await Assertions.Expect(a.Value(rowB, F.Potential)).ToHaveTextAsync(PotentialB);
        await a.EditAsync(rowA, F.CooperationType, "KSDD-sukarela");
        await Assertions.Expect(b.Value(rowA, F.CooperationType)).ToHaveTextAsync("Kerja sama daerah dengan daerah (sukarela)");
        await b.EditAsync(rowB, F.StartYear, "2026");
        await Assertions.Expect(a.Value(rowB, F.StartYear)).ToHaveTextAsync("2026");
        await Assertions.Expect(a.Unsent).ToHaveAttributeAsync("data-count", "0");
        await Assertions.Expect(b.Unsent).ToHaveAttributeAsync("data-count", "0");
        await Screenshot(a.Page, "cycle-02-board-two-agencies.png");

        // 4. The secretariat closes the session on the meeting's page; attendance is recorded from presence.
        await page.ClickAsync("form:has(input[name='Close.Confirm']) button[type=submit]");
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Sesi ditutup.");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(dinkes.DisplayName);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(pupr.DisplayName);

        // 5. Consolidation: both rows verified in one action.
        await page.GotoAsync(exercisePath);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("2 baris");
        await page.Locator("details:has([data-testid=import-form]) > summary").ClickAsync();
        var bulk = page.Locator("form:has(input[name=action][value=bulk-status])");
        await bulk.Locator("select[name=fromStatus]").SelectOptionAsync("diusulkan");
        await bulk.Locator("select[name=status]").SelectOptionAsync("diverifikasi");
        await bulk.Locator("input[name=reason]").FillAsync("Diverifikasi sekretariat setelah rapat pemetaan");
        await bulk.Locator("button[type=submit]").ClickAsync();
        await ExpectSavedAsync(page);
        await Assertions.Expect(RowOn(page, PotentialA)).ToContainTextAsync("Diverifikasi");
        await Assertions.Expect(RowOn(page, PotentialB)).ToContainTextAsync("Diverifikasi");

        // 6. Bapperida sets planning codes, targets and budgets on the row's edit page.
        await using var bapperidaContext = await ContextAsync();
        var planner = await SignInAsync(bapperidaContext, bapperida, exercisePath);
        await RowOn(planner, PotentialA).Locator("[data-testid=edit-row]").ClickAsync();
        await planner.WaitForURLAsync($"**{exercisePath}/rows/{rowA}/edit");
        var subActivity = await planner.Locator("#sub-activities option").First.GetAttributeAsync("value");
        Assert.NotNull(subActivity);
        var parts = subActivity.Split('.');
        var program = string.Join('.', parts[..3]);
        var activity = string.Join('.', parts[..5]);
        await Assertions.Expect(planner.Locator($"#programs option[value='{program}']")).ToHaveCountAsync(1);
        await planner.FillAsync("input[name='Form.ProgramCode']", program);
        await planner.FillAsync("input[name='Form.ActivityCode']", activity);
        await planner.FillAsync("input[name='Form.SubActivityCode']", subActivity);
        for (var year = 2025; year <= 2029; year++)
        {
            await planner.FillAsync($"input[name=indicator_{year}]", "Jumlah pasien rujukan yang terlayani");
            await planner.FillAsync($"input[name=target_{year}]", $"{(year - 2024) * 100} pasien");
            await planner.FillAsync($"input[name=budget_{year}]", "100.000.000");
            await planner.FillAsync($"input[name=funding_source_{year}]", "APBD Provinsi");
        }

        // A checkbox sits beside its text, on the text's line (it was once a 40px box centred on a line of its own).
        var dprd = planner.Locator("input[name='Form.DprdApprovalRequired']");
        var box = (await dprd.BoundingBoxAsync())!;
        var text = (await dprd.Locator("xpath=..").BoundingBoxAsync())!;
        Assert.True(box.Height < 24 && box.X - text.X < 4 && box.Y >= text.Y && box.Y + box.Height <= text.Y + text.Height,
            $"checkbox {box.X},{box.Y} {box.Width}x{box.Height} in its label {text.X},{text.Y} {text.Width}x{text.Height}");
        Assert.True(text.Height < 48, $"The label is {text.Height}px high: the box is not beside its text.");

        await Screenshot(planner, "cycle-03-row-budgets.png");
        await planner.ClickAsync("[data-testid=row-edit-form] button[type=submit]");
        await ExpectSavedAsync(planner);
        await Assertions.Expect(RowOn(planner, PotentialA)).ToContainTextAsync("500.000.000");

        // 7. Bapperida exports the RPJMD matrix, changes a budget in the workbook and re-imports it with a preview.
        var export = await planner.RunAndWaitForDownloadAsync(() => planner.Locator("a[href$='/exports/rpjmd.xlsx']").ClickAsync());
        var exported = Artifacts.PathOf("cycle-rpjmd-export.xlsx");
        await export.SaveAsAsync(exported);
        var edited = Artifacts.PathOf("cycle-rpjmd-edited.xlsx");
        ChangeBudget(exported, edited, rowA, 2026, 175_000_000);
        await planner.Locator("details:has([data-testid=reimport-form]) > summary").ClickAsync();
        await planner.Locator("[data-testid=reimport-form] input[type=file]").SetInputFilesAsync(edited);
        await planner.Locator("[data-testid=reimport-form] button[type=submit]").ClickAsync();
        await planner.WaitForURLAsync("**/reimport/**");
        await Assertions.Expect(planner.Locator("p.lead")).ToContainTextAsync("0 baris baru, 1 baris berubah");
        var changed = planner.Locator($"[data-testid=reimport-changed] tr[data-row-id='{rowA}']");
        await Assertions.Expect(changed).ToContainTextAsync("175000000");
        await Screenshot(planner, "cycle-04-reimport-preview.png");
        await planner.ClickAsync("[data-testid=reimport-confirm] button[type=submit]");
        await Assertions.Expect(planner.Locator("p.notice[role=status]")).ToContainTextAsync("0 baris ditambah, 1 diubah");
        await Assertions.Expect(RowOn(planner, PotentialA)).ToContainTextAsync("575.000.000");
        await Assertions.Expect(planner.Locator("main")).ToContainTextAsync("2 baris");

        // 8. The TKKSD's decisions, recorded by the secretariat, then adoption by the governor's decree.
        foreach (var potential in new[] { PotentialA, PotentialB })
        {
            // Loaded afresh, so the notice awaited below is this action's.
            await page.GotoAsync(exercisePath);
            var review = RowOn(page, potential).Locator("form:has(input[name=action][value=review])");
            await review.Locator("select[name=decision]").SelectOptionAsync("accept");
            await review.Locator("select[name=priority]").SelectOptionAsync("1");
            await review.Locator("input[name=note]").FillAsync("Disetujui rapat TKKSD");
            await review.Locator("button[type=submit]").ClickAsync();
            await ExpectSavedAsync(page);
            await Assertions.Expect(RowOn(page, potential)).ToContainTextAsync("Dibahas TKKSD");
        }

        await page.GotoAsync(exercisePath);
        await page.Locator("details:has([data-testid=import-form]) > summary").ClickAsync();
        var adopt = page.Locator("form:has(input[name=action][value=adopt])");
        await adopt.Locator("input[name=reason]").FillAsync("Keputusan Gubernur Kalimantan Tengah Nomor 188.44/123/2026 tanggal 3 Desember 2026");
        await adopt.Locator("button[type=submit]").ClickAsync();
        await ExpectSavedAsync(page);
        await Assertions.Expect(RowOn(page, PotentialA)).ToContainTextAsync("Ditetapkan");
        await Assertions.Expect(RowOn(page, PotentialB)).ToContainTextAsync("Ditetapkan");
        await Screenshot(page, "cycle-05-adopted.png");

        // 9. The decree annex: the printable page, its DOCX and the PDF to sign.
        await page.ClickAsync($"a[href='{exercisePath}/annex']");
        await page.WaitForURLAsync($"**{exercisePath}/annex");
        await Assertions.Expect(page.Locator("section.annex")).ToContainTextAsync(PotentialA);
        await Screenshot(page, "cycle-06-annex-page.png");
        var annexDocx = await DownloadAsync(page, page.Locator("a[href$='/exports/decree-annex.docx']"), "cycle-decree-annex.docx");
        Assert.Contains("LAMPIRAN", DocxText(annexDocx), StringComparison.Ordinal);
        Assert.Contains(PotentialA, DocxText(annexDocx), StringComparison.Ordinal);
        var annexPdf = await PdfFromJobAsync(page, "[data-testid=annex-pdf]", "cycle-decree-annex.pdf");
        Assert.Contains("LAMPIRAN", await Office.TextAsync(annexPdf), StringComparison.Ordinal);

        // 10. The Berita Acara of the mapping meeting, from the meeting's page: DOCX and the PDF to sign.
        await page.GotoAsync(meetingPath);
        var recordDocx = await DownloadAsync(page, page.Locator("a[href$='/berita-acara.docx']"), "cycle-berita-acara.docx");
        Assert.Contains("BERITA ACARA", DocxText(recordDocx), StringComparison.Ordinal);
        var recordPdf = await PdfFromJobAsync(page, "[data-testid=record-pdf]", "cycle-berita-acara.pdf");
        Assert.Contains("BERITA ACARA", await Office.TextAsync(recordPdf), StringComparison.Ordinal);
        await Screenshot(page, "cycle-07-meeting-page.png");
        foreach (var pdf in new[] { annexPdf, recordPdf })
        {
            await Office.RenderFirstPageAsync(pdf, Path.ChangeExtension(pdf, ".png"));
            output.WriteLine($"First page rendered: {Path.ChangeExtension(pdf, ".png")}");
        }

    }

    private async Task<BoardUser> UserAsync(string organisationCode, string role, string displayName)
    {
        await using var scope = fixture.Platform.Services.CreateAsyncScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().FindByCodeAsync(organisationCode, CancellationToken.None)
            ?? throw new InvalidOperationException($"The seed has no organisation {organisationCode}.");
        var (userName, password, userId) = await fixture.Platform.CreateUserAsync(organisation.Id, organisation.Name, role, displayName);
        return new BoardUser(userName, password, userId, organisation.Id, organisation.Name, displayName);
    }

    private async Task<IBrowserContext> ContextAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "id",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, BoardUser user, string returnUrl)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await SignInForm.SubmitAsync(page, user.UserName, user.Password);
        await page.WaitForURLAsync("**" + returnUrl);
        return page;
    }

    /// <summary>Finds the exercise in the searchable list and opens its consolidation page.</summary>
    private static async Task OpenExerciseAsync(IPage page, string title)
    {
        await page.FillAsync("form[role=search] input[name=q]", title);
        await page.ClickAsync("form[role=search] button[type=submit]");
        await page.ClickAsync($"[data-testid=exercise-list] a:text-is('{title}')");
        await page.WaitForURLAsync(new Regex("/planning/exercises/[0-9a-f-]{36}$"));
    }

    private async Task<BoardPage> BoardFromListAsync(IBrowserContext context, BoardUser user, string title)
    {
        var page = await SignInAsync(context, user, "/planning");
        await page.FillAsync("form[role=search] input[name=q]", title);
        await page.ClickAsync("form[role=search] button[type=submit]");
        await page.Locator("[data-testid=exercise-list] tr", new() { HasText = title }).Locator("a[href$='/board']").ClickAsync();
        return await BoardPage.AttachAsync(context, page);
    }

    private static async Task<string> OptionLabelAsync(IPage page, string startsWith) =>
        (await page.Locator("[data-testid=meeting-select] option", new() { HasText = startsWith }).TextContentAsync())!.Trim();

    private static ILocator RowOn(IPage page, string potential) => page.Locator("table tbody tr", new() { HasText = potential }).First;

    /// <summary>The consolidation page after an action: back on the page with the outcome as a notice, not an error.</summary>
    private static async Task ExpectSavedAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("p.error[role=alert]")).ToHaveCountAsync(0);
    }

    private async Task Screenshot(IPage page, string name)
    {
        var path = Artifacts.PathOf(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }

    private async Task<string> DownloadAsync(IPage page, ILocator link, string name)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Artifacts.PathOf(name);
        await download.SaveAsAsync(path);
        Assert.True(new FileInfo(path).Length > 0, $"{name} is empty.");
        output.WriteLine($"Downloaded: {path}");
        return path;
    }

    /// <summary>Starts the page's PDF job with its button, waits for the progress bar to offer the file and downloads it.</summary>
    private async Task<string> PdfFromJobAsync(IPage page, string button, string name)
    {
        await page.ClickAsync(button);
        var link = page.Locator(".job-progress a.job-download");
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 180_000 });
        var path = await DownloadAsync(page, link, name);
        Assert.Equal("%PDF", Encoding.ASCII.GetString((await File.ReadAllBytesAsync(path))[..4]));
        return path;
    }

    private static string DocxText(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        // Runs split words; the text of the <w:t> elements joined is what a reader sees.
        return string.Concat(Regex.Matches(reader.ReadToEnd(), "<w:t(?: [^>]*)?>([^<]*)</w:t>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)));
    }

    /// <summary>
    /// What a planner does in a spreadsheet program: the budget of <paramref name="year"/> of one row (found by its id) becomes
    /// <paramref name="budget"/>; every other cell stays. The header row is the one naming that year's budget column.
    /// </summary>
    private static void ChangeBudget(string input, string outputPath, Guid rowId, int year, long budget)
    {
        var rows = MiniExcel.Query(input, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        var header = rows.First(r => r.Values.Any(v => IsBudgetHeader(v, year)));
        var column = header.First(kv => IsBudgetHeader(kv.Value, year)).Key;
        var row = rows.Single(r => r.Values.Any(v => string.Equals(v?.ToString(), rowId.ToString(), StringComparison.OrdinalIgnoreCase)));
        Assert.NotEqual(budget.ToString(System.Globalization.CultureInfo.InvariantCulture), row[column]?.ToString());
        row[column] = budget;
        MiniExcel.SaveAs(outputPath, rows, printHeader: false, overwriteFile: true);
    }

    private static bool IsBudgetHeader(object? cell, int year) =>
        cell?.ToString() is { } text && text.Contains(year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        && (text.Contains("budget", StringComparison.OrdinalIgnoreCase) || text.Contains("pagu", StringComparison.OrdinalIgnoreCase));
}

[Collection(SharedHost.Sqlite)]
public sealed class MappingCycleTests_on_Sqlite(SqliteBrowserFixture fixture, ITestOutputHelper output)
    : MappingCycleTests(fixture, output);
