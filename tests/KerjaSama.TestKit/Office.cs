using System.Diagnostics;

namespace KerjaSama.TestKit;

/// <summary>
/// Debian's LibreOffice (headless <c>soffice</c>) and poppler (<c>pdftoppm</c>) for the format tests: what a person's
/// office suite makes of the platform's files, and the other way round. <c>build/test.sh</c> installs both when missing.
/// Each conversion uses its own LibreOffice profile, so parallel runs do not share (and lock) one.
/// </summary>
public static class Office
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Where tests leave what a person should look at: <c>build/.work/artifacts</c> of the repository.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KerjaSama.Platform.sln")))
                dir = dir.Parent;
            var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "build", ".work", "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    /// <summary>A fresh empty folder under the temp folder.</summary>
    public static string NewWorkDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "kerjasama-office-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// <c>soffice --headless --convert-to FORMAT</c>: the converted file's path; throws with LibreOffice's output when it
    /// made none. <paramref name="inFilter"/> is LibreOffice's import filter with its options, e.g. <c>CSV:44,34,76,1</c>.
    /// </summary>
    public static async Task<string> ConvertAsync(string input, string format, string? inFilter = null)
    {
        var outDir = Path.GetDirectoryName(input)!;
        var profile = NewWorkDirectory();
        try
        {
            var args = new List<string> { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--nolockcheck" };
            if (inFilter is not null)
                args.Add($"--infilter={inFilter}");
            args.AddRange(["--convert-to", format, "--outdir", outDir, input]);
            var (code, output) = await RunAsync("soffice", args);
            var expected = Path.Combine(outDir, Path.GetFileNameWithoutExtension(input) + "." + format.Split(':')[0]);
            if (code != 0 || !File.Exists(expected))
                throw new InvalidOperationException($"soffice could not convert {Path.GetFileName(input)} to {format} (exit {code}): {output}");
            return expected;
        }
        finally
        {
            TryDelete(profile);
        }
    }

    /// <summary>Page 1 of a PDF as a PNG at 60 dpi (<c>pdftoppm -png -r 60 -f 1 -l 1</c>), written to <paramref name="png"/>.</summary>
    public static async Task RenderFirstPageAsync(string pdf, string png)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(png)!, Path.GetFileNameWithoutExtension(png));
        var (code, output) = await RunAsync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, prefix]);
        if (code != 0 || !File.Exists(prefix + ".png"))
            throw new InvalidOperationException($"pdftoppm could not render {Path.GetFileName(pdf)} (exit {code}): {output}");
    }

    /// <summary>The number of pages pdfinfo reports.</summary>
    public static async Task<int> PageCountAsync(string pdf)
    {
        var (code, output) = await RunAsync("pdfinfo", [pdf]);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return code == 0 && line is not null ? int.Parse(line[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    public static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} took longer than {Timeout.TotalMinutes} minutes.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
