using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KerjaSama.Registry.Features.Imports;

internal static class ImportProblems
{
    /// <summary>Every bad line, keyed <c>line N</c>, and again as a <c>lines</c> list a client can render.</summary>
    public static ValidationProblem Invalid(IReadOnlyList<ImportError> errors)
    {
        var byLine = errors.GroupBy(e => e.Line).OrderBy(g => g.Key)
            .ToDictionary(g => $"line {g.Key}", g => g.Select(e => $"{e.Field}: {e.Reason}").ToArray());
        var lineCount = byLine.Count;
        return TypedResults.ValidationProblem(byLine, title: "The file was not imported.",
            detail: $"{lineCount} line(s) are invalid. Nothing was stored; correct them and import the whole file again.",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = "import_invalid",
                ["lines"] = errors.OrderBy(e => e.Line).Select(e => new { line = e.Line, field = e.Field, reason = e.Reason }).ToList(),
            });
    }

    public static ProblemHttpResult TooLarge(ImportLimits limits) =>
        TypedResults.Problem($"The file is larger than the import limit of {limits.Describe()}. Split it into smaller files.",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
            extensions: new Dictionary<string, object?> { ["code"] = "import_too_large", ["limitBytes"] = limits.MaxImportBytes });
}
