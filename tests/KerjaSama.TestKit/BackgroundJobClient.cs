using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace KerjaSama.TestKit;

/// <summary>Follows a background job of the host (<c>/api/jobs/{id}</c>) the way the pages do, and reads PDFs it produced.</summary>
public static class BackgroundJobClient
{
    /// <summary>Reads the 202 answer of a job start and polls its status until it ends (bounded); returns every status seen.</summary>
    public static async Task<List<JsonElement>> FollowAsync(HttpClient client, HttpResponseMessage accepted, TimeSpan? max = null)
    {
        var body = await accepted.Content.ReadAsStringAsync();
        if (accepted.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"Expected 202 for the job, got {(int)accepted.StatusCode}: {body}");
        var status = JsonDocument.Parse(body).RootElement.Clone();
        var url = accepted.Headers.Location?.ToString() ?? status.GetProperty("statusUrl").GetString()!;
        var seen = new List<JsonElement> { status };
        var deadline = Stopwatch.StartNew();
        while (status.GetProperty("state").GetString() is "queued" or "running")
        {
            if (deadline.Elapsed > (max ?? TimeSpan.FromMinutes(3)))
                throw new TimeoutException($"The job did not end: {status}");
            await Task.Delay(150);
            status = JsonDocument.Parse(await client.GetStringAsync(url)).RootElement.Clone();
            seen.Add(status);
        }

        return seen;
    }

    /// <summary>The text of a PDF (poppler's <c>pdftotext -layout</c>).</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf);
            var (code, output) = await RunAsync("pdftotext", "-layout", "-enc", "UTF-8", file, "-");
            return code == 0 ? output : throw new InvalidOperationException("pdftotext failed: " + output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Renders page 1 of a PDF to <c>build/.work/artifacts/{name}.png</c> (pdftoppm) for a person to look at; returns its path.</summary>
    public static async Task<string> RenderFirstPageAsync(byte[] pdf, string name)
    {
        var file = Path.GetTempFileName();
        var target = Path.Combine(ArtifactsDirectory(), name);
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var (code, output) = await RunAsync("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", file, target);
            return code == 0 ? target + ".png" : throw new InvalidOperationException("pdftoppm failed: " + output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The number of pages of a PDF (<c>pdfinfo</c>).</summary>
    public static async Task<int> PdfPagesAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf);
            var (_, output) = await RunAsync("pdfinfo", file);
            var line = output.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal));
            return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static string ArtifactsDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KerjaSama.Platform.sln")))
            dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "build", ".work", "artifacts");
        Directory.CreateDirectory(path);
        return path;
    }

    private static async Task<(int Code, string Output)> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
