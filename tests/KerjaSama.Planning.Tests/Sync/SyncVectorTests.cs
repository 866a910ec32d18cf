using System.Diagnostics;
using Xunit;

namespace KerjaSama.Planning.Tests.Sync;

/// <summary>The sync engine's conformance vectors, run by the C# engine here and by the board's TypeScript engine through node.</summary>
public sealed class SyncVectorTests
{
    public static TheoryData<string> Vectors() => [.. SyncVectors.Names()];

    [Fact]
    public void There_are_vectors_for_join_catch_up_overlay_queue_rejections_and_notices() =>
        Assert.True(SyncVectors.Names().Count() >= 10, $"vectors in {SyncVectors.Directory}");

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_dotnet_engine_meets_the_vector(string vector) => SyncVectors.Run(vector);

    [Fact]
    public async Task The_board_engine_meets_the_same_vectors_under_node()
    {
        var board = Path.Combine(Contracts.TypeScriptContracts.RepositoryRoot(), "modules/Planning/KerjaSama.Planning/Board");
        var start = new ProcessStartInfo("npm", "test --silent")
        {
            WorkingDirectory = board, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        var text = await output + await errors;
        Assert.True(process.ExitCode == 0, $"npm test failed ({process.ExitCode}):\n{text}");
        // node's test runner prints a summary: every vector passed, none skipped.
        var passed = System.Text.RegularExpressions.Regex.Match(text, @"^# pass (\d+)$", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(passed.Success && int.Parse(passed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > SyncVectors.Names().Count(), text);
        Assert.Contains("# fail 0", text, StringComparison.Ordinal);
        Assert.Contains("# skipped 0", text, StringComparison.Ordinal);
    }
}
