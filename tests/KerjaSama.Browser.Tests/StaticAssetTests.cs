using System.Net;
using Xunit;

namespace KerjaSama.Browser.Tests;

/// <summary>The files the board needs in the browser are served by the host, as scripts.</summary>
public sealed class StaticAssetTests(SqliteBrowserFixture fixture) : IClassFixture<SqliteBrowserFixture>
{
    [Theory]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_framework/dotnet.js")]
    [InlineData("/_content/KerjaSama.Planning/board.js")]
    public async Task The_boards_scripts_are_served_as_javascript(string path)
    {
        using var response = await fixture.Platform.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.Length > 100, $"{path}: {body.Length} characters");
    }
}
