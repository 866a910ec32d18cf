using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KerjaSama.Modularity.Http;

/// <summary>ProblemDetails with a stable <c>code</c> extension that clients switch on.</summary>
public static class Problems
{
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string code = "validation_failed") =>
        TypedResults.ValidationProblem(errors, title: "One or more fields are invalid.",
            extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ValidationProblem Validation(string field, string message, string code = "validation_failed") =>
        Validation(new Dictionary<string, string[]> { [field] = [message] }, code);

    public static ProblemHttpResult Conflict(string code, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict",
            extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ProblemHttpResult Forbidden(string code, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ProblemHttpResult NotFound(string code, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found",
            extensions: new Dictionary<string, object?> { ["code"] = code });
}
