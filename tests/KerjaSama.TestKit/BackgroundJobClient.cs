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

    /// <summary>The text of a PDF (see <see cref="Office.TextAsync"/>).</summary>
    public static Task<string> PdfTextAsync(byte[] pdf) => WithFileAsync(pdf, Office.TextAsync);

    /// <summary>Renders page 1 of a PDF to <c>build/.work/artifacts/{name}.png</c> for a person to look at; returns its path.</summary>
    public static Task<string> RenderFirstPageAsync(byte[] pdf, string name) => WithFileAsync(pdf, async file =>
    {
        var png = Path.Combine(Office.ArtifactsDirectory, name + ".png");
        await Office.RenderFirstPageAsync(file, png);
        return png;
    });

    /// <summary>The number of pages of a PDF.</summary>
    public static Task<int> PdfPagesAsync(byte[] pdf) => WithFileAsync(pdf, Office.PageCountAsync);

    private static async Task<T> WithFileAsync<T>(byte[] pdf, Func<string, Task<T>> use)
    {
        var file = Path.Combine(Path.GetTempPath(), $"kerjasama-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            return await use(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
