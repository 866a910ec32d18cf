using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Partners.Tests;

public abstract class DocumentTests(SmallUploadsFixture platform) : PartnersScenarioTests(platform)
{
    private static byte[] Pdf(int size, byte fill = (byte)'x')
    {
        var bytes = new byte[size];
        Array.Fill(bytes, fill);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static MultipartFormDataContent Form(byte[] bytes, string contentType = "application/pdf", string fileName = "pks.pdf", string kind = "signed")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName }, { new StringContent(kind), "kind" } };
    }

    private string DocumentFolder(Guid agreementId) => Path.Combine(Platform.Services.GetDataDirectory(), "partners", "documents", agreementId.ToString("N"));

    [Fact]
    public async Task Versions_of_a_PDF_are_kept_and_only_the_parties_and_the_secretariat_download_them()
    {
        var id = (await S.SignedKbAsync(S.Kalsel)).GetProperty("id").GetGuid();
        var first = Pdf(1000, (byte)'a');
        var second = Pdf(2000, (byte)'b');
        var v1 = await (await S.Secretariat.PostAsync($"/api/partners/agreements/{id}/documents", Form(first))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var v2 = await (await S.Secretariat.PostAsync($"/api/partners/agreements/{id}/documents", Form(second))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        var url = $"/api/partners/agreements/{id}/documents/{v1.GetProperty("id").GetGuid()}";

        using var kalsel = await S.UserAsync(S.Kalsel, PlatformRoles.PartnerContributor);
        var download = await kalsel.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(first, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(second, await (await S.Secretariat.GetAsync($"/api/partners/agreements/{id}/documents/{v2.GetProperty("id").GetGuid()}")).Content.ReadAsByteArrayAsync());

        using var kalbar = await S.UserAsync(S.Kalbar, PlatformRoles.PartnerContributor);
        await (await kalbar.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound, "document_not_found");
        using var observer = await S.UserAsync(S.Kaltim, PlatformRoles.Observer);
        await (await observer.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound, "document_not_found");
        var upload = await kalsel.PostAsync($"/api/partners/agreements/{id}/documents", Form(first));
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_a_PDF_or_is_too_large_is_refused_and_nothing_is_stored()
    {
        var id = (await S.SignedKbAsync()).GetProperty("id").GetGuid();
        var url = $"/api/partners/agreements/{id}/documents";
        var html = Encoding.UTF8.GetBytes("<html><body>not a pdf</body></html>");
        Assert.Equal("not_a_pdf", (await (await S.Secretariat.PostAsync(url, Form(html))).AssertValidationProblemAsync("File")).GetProperty("code").GetString());
        Assert.Equal("not_a_pdf", (await (await S.Secretariat.PostAsync(url, Form(Pdf(500), "text/plain", "a.txt"))).AssertValidationProblemAsync("File"))
            .GetProperty("code").GetString());
        await (await S.Secretariat.PostAsync(url, Form(Pdf((int)SmallUploadsFixture.Limit + 1)))).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "document_too_large");
        await (await S.Secretariat.PostAsync(url, Form(Pdf((int)SmallUploadsFixture.Limit * 3)))).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "document_too_large");

        var agreement = await (await S.Secretariat.GetAsync($"/api/partners/agreements/{id}")).ReadAsync<JsonElement>();
        Assert.Equal(0, agreement.GetProperty("documents").GetArrayLength());
        Assert.True(!Directory.Exists(DocumentFolder(id)) || Directory.GetFiles(DocumentFolder(id)).Length == 0);

        // The limit itself is accepted.
        (await S.Secretariat.PostAsync(url, Form(Pdf((int)SmallUploadsFixture.Limit)))).EnsureSuccessStatusCode();
        Assert.Single(Directory.GetFiles(DocumentFolder(id)));
    }
}

public sealed class DocumentTests_on_Sqlite(SmallUploadsSqliteFixture p) : DocumentTests(p), IClassFixture<SmallUploadsSqliteFixture>;

public sealed class DocumentTests_on_PostgreSql(SmallUploadsPostgreSqlFixture p) : DocumentTests(p), IClassFixture<SmallUploadsPostgreSqlFixture>;
