using System.Text;
using KerjaSama.Modularity.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KerjaSama.Registry.Features.Imports;

/// <summary>Reads an uploaded CSV (a text/csv body or the first file of a multipart form) within the import limit.</summary>
internal static class CsvUpload
{
    // Room for multipart boundaries and headers around the file itself.
    private const long MultipartOverhead = 64 * 1024;

    public static async Task<(string? Text, IResult? Problem)> ReadAsync(HttpContext http, ImportLimits limits, CancellationToken ct)
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
                var fileText = await ReadLimitedAsync(stream, limit, ct);
                return fileText is null ? (null, ImportProblems.TooLarge(limits)) : (fileText, null);
            }

            var text = await ReadLimitedAsync(request.Body, limit, ct);
            return text is null ? (null, ImportProblems.TooLarge(limits)) : (text, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ImportProblems.TooLarge(limits));
        }
    }

    /// <summary>The stream as UTF-8 text, or null once it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<string?> ReadLimitedAsync(Stream stream, long limit, CancellationToken ct)
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

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(ct);
    }
}
