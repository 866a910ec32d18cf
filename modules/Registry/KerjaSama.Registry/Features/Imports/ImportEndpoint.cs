using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace KerjaSama.Registry.Features.Imports;

/// <summary>The shared shape of the CSV import endpoints: read within the limit, run all-or-nothing, answer.</summary>
internal static class ImportEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, IOptions<ImportLimits> limits,
        Func<string, CancellationToken, Task<ImportResult>> import, CancellationToken ct)
    {
        var (text, problem) = await CsvUpload.ReadAsync(http, limits.Value, ct);
        if (problem is not null)
            return problem;
        var result = await import(text!, ct);
        return result.Succeeded
            ? TypedResults.Ok(new ImportSummary(result.Rows, result.Created, result.Updated))
            : ImportProblems.Invalid(result.Errors);
    }
}
