using System.Text;
using KerjaSama.Modularity.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KerjaSama.Registry.Features.Imports;

/// <summary>Reads an uploaded CSV or workbook (the body or the first file of a multipart form) within the import limit.</summary>
internal static class CsvUpload
{
    // Room for multipart boundaries and headers around the file itself.
    private const long MultipartOverhead = 64 * 1024;

    public static async Task<(string? Text, IResult? Problem)> ReadAsync(HttpContext http, ImportLimits limits, CancellationToken ct)
    {
        var (content, problem) = await ReadBytesAsync(http, limits, ct);
        return content is null ? (null, problem) : (Decode(content), null);
    }

    /// <summary>The uploaded bytes as they came (a CSV text or an XLSX package), or the problem that refused them.</summary>
    public static async Task<(byte[]? Content, IResult? Problem)> ReadBytesAsync(HttpContext http, ImportLimits limits, CancellationToken ct)
    {
        var limit = limits.MaxImportBytes;
        // The host's default body limit is small (1 MB); imports may be larger, so raise it for this request only.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit + MultipartOverhead;
        var request = http.Request;
        var form = request.HasFormContentType;
        if (request.ContentLength > limit + (form ? MultipartOverhead : 0))
            return (null, ImportProblems.TooLarge(limits));
        try
        {
            if (form)
            {
                var files = (await request.ReadFormAsync(ct)).Files;
                if (files.Count == 0)
                    return (null, Problems.Validation("file", "Attach the CSV file.", "import_file_missing"));
                if (files[0].Length > limit)
                    return (null, ImportProblems.TooLarge(limits));
                await using var stream = files[0].OpenReadStream();
                var file = await ReadLimitedAsync(stream, limit, ct);
                return file is null ? (null, ImportProblems.TooLarge(limits)) : (file, null);
            }

            var body = await ReadLimitedAsync(request.Body, limit, ct);
            return body is null ? (null, ImportProblems.TooLarge(limits)) : (body, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ImportProblems.TooLarge(limits));
        }
    }

    /// <summary>Text in UTF-8 (a byte order mark is dropped).</summary>
    public static string Decode(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The stream's bytes, or null once it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadLimitedAsync(Stream stream, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
