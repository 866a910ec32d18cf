using KerjaSama.Modularity.Localization;
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
        return TypedResults.ValidationProblem(byLine, title: Messages.Text("title.import_invalid"),
            detail: Messages.Text("import_invalid", lineCount),
            extensions: new Dictionary<string, object?>
            {
                ["code"] = "import_invalid",
                ["lines"] = errors.OrderBy(e => e.Line).Select(e => new { line = e.Line, field = e.Field, reason = e.Reason, code = e.Code }).ToList(),
            });
    }

    public static ProblemHttpResult TooLarge(ImportLimits limits) =>
        TypedResults.Problem(Messages.Text("import_too_large", limits.Describe()),
            statusCode: StatusCodes.Status413PayloadTooLarge, title: Messages.Text("title.import_too_large"),
            extensions: new Dictionary<string, object?> { ["code"] = "import_too_large", ["limitBytes"] = limits.MaxImportBytes });
}
