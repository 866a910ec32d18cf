using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Planning.Tests.Consolidation;

// Issue 18 (Deliver 2 and 4): the decree annex as a document to sign (DOCX, and PDF through LibreOffice in a background
// job with progress), and the matrix import as a job that reports rows checked and can be cancelled without writing.
public abstract partial class ExportImportTests
{
    [Fact]
    public async Task The_decree_annex_becomes_a_signable_PDF_in_a_background_job_with_heading_signature_block_and_page_numbers()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var a = await s.AddRowAsync(Planned("Rujukan kesehatan lintas batas", "1.02", "1.02.02", 100_000_000, 120_000_000));
        await s.MoveAsync(a, "diverifikasi", "dibahas_tkksd", "ditetapkan");

        var docx = await s.Admin.GetAsync($"{s.Base}/exports/decree-annex.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var text = WordText(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains("LAMPIRAN", text, StringComparison.Ordinal);
        Assert.Contains("KEPUTUSAN GUBERNUR KALIMANTAN TENGAH", text, StringComparison.Ordinal);
        Assert.Contains("NOMOR", text, StringComparison.Ordinal);
        Assert.Contains("Rujukan kesehatan lintas batas", text, StringComparison.Ordinal);
        Assert.Contains("100.000.000", text, StringComparison.Ordinal);
        Assert.Contains("GUBERNUR KALIMANTAN TENGAH,", text, StringComparison.Ordinal);

        var statuses = await BackgroundJobClient.FollowAsync(s.Admin, await s.Admin.PostAsync($"{s.Base}/exports/decree-annex/pdf", null));
        var done = statuses[^1];
        Assert.Equal("succeeded", done.GetProperty("state").GetString());
        Assert.Equal(200, done.GetProperty("resultStatus").GetInt32());
        var pdf = await s.Admin.GetAsync(done.GetProperty("resultUrl").GetString());
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        var pdfText = await BackgroundJobClient.PdfTextAsync(bytes);
        Assert.Contains("DAFTAR PROGRAM DAN KEGIATAN KERJA SAMA DAERAH", pdfText, StringComparison.Ordinal);
        Assert.Contains("Rujukan kesehatan", pdfText, StringComparison.Ordinal);
        Assert.Contains("Halaman 1 dari", pdfText, StringComparison.Ordinal);
        // No decree recorded yet: its date is a dotted line to fill by hand.
        Assert.Contains("Ditetapkan di Palangka Raya", pdfText, StringComparison.Ordinal);
        Assert.Matches(@"pada tanggal \.{10,}", pdfText);
        var png = await BackgroundJobClient.RenderFirstPageAsync(bytes, $"decree-annex-{platform.GetType().Name}");
        Assert.True(new FileInfo(png).Length > 3_000, "the rendered page has content");
        output.WriteLine($"Rendered: {png}");

        // Jobs are their owner's: another member sees no such job and cannot cancel it.
        var other = await platform.SignInAsync(s.Secretariat.Caller.OrganisationId, s.Secretariat.Caller.OrganisationName, PlatformRoles.SecretariatAdmin, "Admin lain " + Guid.NewGuid().ToString("N")[..6]);
        using var otherClient = platform.ClientFor(other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync(done.GetProperty("statusUrl").GetString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync(done.GetProperty("resultUrl").GetString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.DeleteAsync(done.GetProperty("statusUrl").GetString())).StatusCode);
        var finished = await s.Admin.DeleteAsync(done.GetProperty("statusUrl").GetString());
        Assert.Equal("job_finished", (await finished.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_import_job_reports_the_rows_it_checked_refuses_bad_lines_and_a_cancelled_import_writes_nothing()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 400; i++)
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"1.02,Potensi kesehatan {i} \"Sungai\" Kahayan,KSDD-sukarela,63,1.02.02,2026,3,Jumlah,10,1.500.000,APBD,0\n");

        var statuses = await BackgroundJobClient.FollowAsync(s.Admin, await StartImportAsync(s, csv.ToString()));
        var done = statuses[^1];
        Assert.Equal("succeeded", done.GetProperty("state").GetString());
        Assert.Equal(200, done.GetProperty("resultStatus").GetInt32());
        Assert.Equal(400, done.GetProperty("total").GetInt32());
        Assert.Equal(400, done.GetProperty("done").GetInt32());
        Assert.All(statuses.Skip(1), st => Assert.Contains(st.GetProperty("stage").GetString(), new[] { "queued", "reading", "checking", "writing", "done" }));
        var result = await (await s.Admin.GetAsync(done.GetProperty("resultUrl").GetString())).ReadAsync<JsonElement>();
        Assert.Equal(400, result.GetProperty("imported").GetInt32());
        Assert.Equal(400, await s.OpCountAsync());

        // A bad line: the job ends, its answer is the same validation problem as the plain import, and nothing is stored.
        var bad = await BackgroundJobClient.FollowAsync(s.Admin,
            await StartImportAsync(s, Header + "\n1.02,Baik,KSDD-sukarela,63,1.02.02,2026,3,,,1000,,\n1.02,Pagu negatif,KSDD-sukarela,63,1.02.02,2026,3,,,-5,,\n"));
        Assert.Equal(400, bad[^1].GetProperty("resultStatus").GetInt32());
        await (await s.Admin.GetAsync(bad[^1].GetProperty("resultUrl").GetString())).AssertValidationProblemAsync("row 3: budget_2026");
        Assert.Equal(400, await s.OpCountAsync());

        // Cancelled before it writes: one job runs at a time per host, so an import queued behind a PDF rendering is
        // cancelled while it waits; it then has no result and the matrix is unchanged.
        var pdf = await s.Admin.PostAsync($"{s.Base}/exports/decree-annex/pdf", null);
        Assert.Equal(HttpStatusCode.Accepted, pdf.StatusCode);
        var queued = await StartImportAsync(s, csv.ToString());
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var queuedStatus = JsonDocument.Parse(await queued.Content.ReadAsStringAsync()).RootElement;
        Assert.True(queuedStatus.GetProperty("cancellable").GetBoolean());
        var cancel = await s.Admin.DeleteAsync(queued.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (await cancel.ReadAsync<JsonElement>()).GetProperty("state").GetString());
        var after = JsonDocument.Parse(await s.Admin.GetStringAsync(queued.Headers.Location)).RootElement;
        Assert.Equal("cancelled", after.GetProperty("state").GetString());
        Assert.Equal("job_cancelled", (await (await s.Admin.GetAsync($"{queued.Headers.Location}/result")).AssertProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("code").GetString());
        await BackgroundJobClient.FollowAsync(s.Admin, pdf);
        Assert.Equal(400, await s.OpCountAsync());

        // An empty upload is refused at once with the field's name; no job is queued.
        var jobsBefore = JsonDocument.Parse(await s.Admin.GetStringAsync("/api/jobs")).RootElement.GetArrayLength();
        await (await s.Admin.PostAsync($"{s.Base}/import/jobs", new ByteArrayContent([]))).AssertValidationProblemAsync("file");
        Assert.Equal(jobsBefore, JsonDocument.Parse(await s.Admin.GetStringAsync("/api/jobs")).RootElement.GetArrayLength());
    }

    private static async Task<HttpResponseMessage> StartImportAsync(MatrixScenario s, string csv)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "matriks.csv");
        return await s.Admin.PostAsync($"{s.Base}/import/jobs", form);
    }

    private static string WordText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
    }
}
