using System.Net;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Browser.Tests;

/// <summary>
/// The scripts pages need are served by the host: the board's bundle (TypeScript, built by the Planning project) and
/// Blazor's script for the interactive server pages (the live monitor). The board no longer ships a .NET runtime.
/// </summary>
[Collection(SharedHost.Sqlite)]
public sealed class StaticAssetTests(SqliteBrowserFixture fixture)
{
    [Theory]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_content/KerjaSama.Planning/board.js")]
    public async Task The_boards_scripts_are_served_as_javascript(string path)
    {
        using var response = await fixture.Platform.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.Length > 100, $"{path}: {body.Length} characters");
    }

    [Fact]
    public async Task No_webassembly_runtime_is_served_any_more()
    {
        using var response = await fixture.Platform.Client.GetAsync("/_framework/dotnet.js");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
