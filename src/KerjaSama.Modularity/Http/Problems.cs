using KerjaSama.Modularity.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KerjaSama.Modularity.Http;

/// <summary>
/// ProblemDetails with a stable <c>code</c> extension that clients switch on. <c>title</c> and <c>detail</c> are
/// in the request's language (<see cref="Messages"/>): a detail given as a <see cref="Msg"/> is the catalogue's text;
/// a detail given as a literal yields to the catalogue's text of <c>code</c> when there is one. Validation problems
/// also carry <c>codes</c>: field → the stable code of each text in <c>errors</c>.
/// </summary>
public static class Problems
{
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string code = "validation_failed")
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        extensions["codes"] = errors is FieldErrors { } fieldErrors
            ? fieldErrors.Codes
            : errors.ToDictionary(e => e.Key, e => e.Value.Select(_ => code).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(errors, title: Messages.Text("title.validation_failed"), extensions: extensions);
    }

    public static ValidationProblem Validation(string field, string message, string code = "validation_failed") =>
        Validation(Single(field, code, Messages.ForCode(code, field) ?? message), code);

    public static ValidationProblem Validation(string field, Msg message, string code = "validation_failed") =>
        Validation(Single(field, code == "validation_failed" ? message.Key : code, message.ToString()), code);

    public static ProblemHttpResult Conflict(string code, string detail) => Problem(StatusCodes.Status409Conflict, "title.conflict", code, Messages.ForCode(code) ?? detail);

    public static ProblemHttpResult Conflict(string code, Msg detail) => Problem(StatusCodes.Status409Conflict, "title.conflict", code, detail.ToString());

    public static ProblemHttpResult Forbidden(string code, string detail) => Problem(StatusCodes.Status403Forbidden, "title.forbidden", code, Messages.ForCode(code) ?? detail);

    public static ProblemHttpResult Forbidden(string code, Msg detail) => Problem(StatusCodes.Status403Forbidden, "title.forbidden", code, detail.ToString());

    public static ProblemHttpResult NotFound(string code, string detail) => Problem(StatusCodes.Status404NotFound, "title.not_found", code, Messages.ForCode(code) ?? detail);

    public static ProblemHttpResult NotFound(string code, Msg detail) => Problem(StatusCodes.Status404NotFound, "title.not_found", code, detail.ToString());

    private static ProblemHttpResult Problem(int status, string titleKey, string code, string text) =>
        TypedResults.Problem(text, statusCode: status, title: Messages.Text(titleKey),
            extensions: new Dictionary<string, object?> { ["code"] = code });

    private static FieldErrors Single(string field, string code, string text)
    {
        var errors = new FieldErrors { [field] = [text] };
        errors.Codes[field] = [code];
        return errors;
    }
}
