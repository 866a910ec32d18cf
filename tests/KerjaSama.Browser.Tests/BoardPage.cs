using System.Diagnostics;
using KerjaSama.TestKit.Browser;
using Microsoft.Playwright;

namespace KerjaSama.Browser.Tests;

/// <summary>One person's browser (its own context: cookies, localStorage) with the board of a session open.</summary>
public sealed class BoardPage : IAsyncDisposable
{
    public static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly string _boardPath;

    private BoardPage(IBrowserContext context, IPage page, BoardScenario? scenario, string boardPath)
    {
        Context = context;
        Page = page;
        Scenario = scenario;
        _boardPath = boardPath;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; private set; }

    /// <summary>The arranged session, or null for a board reached through the pages (<see cref="AttachAsync"/>).</summary>
    public BoardScenario? Scenario { get; }

    /// <summary>How long the last load took from navigation to an interactive, joined board.</summary>
    public TimeSpan LastLoad { get; private set; }

    public ILocator Board => Page.Locator("[data-testid=board]");

    public ILocator Connection => Page.Locator("[data-testid=connection]");

    public ILocator Unsent => Page.Locator("[data-testid=unsent]");

    public ILocator Editor => Page.Locator("[data-testid=editor]");

    /// <summary>Signs in through the real sign-in form and lands on the board.</summary>
    public static async Task<BoardPage> OpenAsync(IBrowser browser, BoardScenario scenario, BoardUser user, string language = "id")
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = scenario.Platform.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = language,
        });
        context.SetDefaultTimeout(30_000);
        // A browser that chose a language (the switch's cookie) keeps it; without one, signing in brings the user's
        // stored language (Indonesian unless they chose English), whatever the browser's locale says.
        await context.AddCookiesAsync([new Cookie
        {
            Name = ".AspNetCore.Culture", Value = $"c={language}|uic={language}", Url = scenario.Platform.BaseAddress.ToString(),
        }]);
        context.Page += (_, p) => Watch(p, user.DisplayName);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(scenario.BoardPath));
        var stopwatch = Stopwatch.StartNew();
        await SignInForm.SubmitAsync(page, user.UserName, user.Password);
        var board = new BoardPage(context, page, scenario, scenario.BoardPath);
        await board.WaitReadyAsync();
        board.LastLoad = stopwatch.Elapsed;
        return board;
    }

    /// <summary>The board <paramref name="page"/> navigated to (e.g. from the exercise list), once it is ready.</summary>
    public static async Task<BoardPage> AttachAsync(IBrowserContext context, IPage page)
    {
        await page.WaitForURLAsync("**/planning/sessions/*/board");
        var board = new BoardPage(context, page, null, new Uri(page.Url).PathAndQuery);
        await board.WaitReadyAsync();
        return board;
    }

    /// <summary>Loads the board again in a new tab of the same browser (cache and localStorage kept), closing the old one.</summary>
    public async Task ReopenAsync()
    {
        var page = await Context.NewPageAsync();
        await Page.CloseAsync();
        Page = page;
        var stopwatch = Stopwatch.StartNew();
        await Page.GotoAsync(_boardPath);
        await WaitReadyAsync();
        LastLoad = stopwatch.Elapsed;
    }

    public async Task WaitReadyAsync()
    {
        await Assertions.Expect(Page.Locator("[data-testid=board][data-ready=true]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(Connection).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 30_000 });
    }

    public ILocator Row(Guid rowId) => Page.Locator($"tr[data-row-id='{rowId}']");

    public ILocator Cell(Guid rowId, string field) => Page.Locator($"[id='c-{rowId:N}-{field}']");

    public ILocator Value(Guid rowId, string field) => Cell(rowId, field).Locator("[data-testid=value]");

    /// <summary>Adds a row (the new row's potential opens for editing), types its potential and returns its id.</summary>
    public async Task<Guid> AddRowAsync(string potential)
    {
        await Page.ClickAsync("[data-testid=add-row]");
        await Assertions.Expect(Editor).ToBeFocusedAsync();
        var rowId = Guid.Parse((await Page.Locator("tr.row:has([data-testid=editor])").GetAttributeAsync("data-row-id"))!);
        await Editor.FillAsync(potential);
        await Editor.PressAsync("Enter");
        await Assertions.Expect(Editor).ToHaveCountAsync(0);
        return rowId;
    }

    /// <summary>Edits a cell the keyboard way: focus, Enter, type, Enter.</summary>
    public async Task EditAsync(Guid rowId, string field, string value)
    {
        var cell = Cell(rowId, field);
        await cell.FocusAsync();
        await cell.PressAsync("Enter");
        var editor = cell.Locator("[data-testid=editor]");
        await Assertions.Expect(editor).ToBeFocusedAsync();
        if (await editor.EvaluateAsync<string>("e => e.tagName") == "SELECT")
        {
            await editor.SelectOptionAsync(value);
        }
        else
        {
            await editor.FillAsync(value);
            await editor.PressAsync("Enter");
        }

        await Assertions.Expect(cell.Locator("[data-testid=editor]")).ToHaveCountAsync(0);
    }

    public async Task ExpandAsync(Guid rowId) => await Row(rowId).Locator("[data-testid=expand]").ClickAsync();

    public async Task<int> ParticipantsAsync() => await Page.Locator("[data-testid=presence] li").CountAsync();

    /// <summary>Keeps the browser console and failed requests in build/.work/artifacts/board-console.log for diagnosis.</summary>
    private static void Watch(IPage page, string who)
    {
        var log = Artifacts.PathOf("board-console.log");
        void Write(string line)
        {
            lock (Lock)
                File.AppendAllText(log, $"{DateTime.UtcNow:HH:mm:ss.fff} [{who}] {line}{Environment.NewLine}");
        }

        page.Console += (_, m) => Write($"console.{m.Type}: {m.Text}");
        page.PageError += (_, e) => Write($"page error: {e}");
        page.RequestFailed += (_, r) => Write($"request failed: {r.Method} {r.Url} {r.Failure}");
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 || r.Url.Contains("/_framework/blazor", StringComparison.Ordinal))
                Write($"HTTP {r.Status} {r.Request.Method} {r.Url} {r.Headers.GetValueOrDefault("content-type")}");
        };
    }

    private static readonly Lock Lock = new();

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
