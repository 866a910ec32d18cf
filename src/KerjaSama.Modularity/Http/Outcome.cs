using KerjaSama.Modularity.Localization;
using Microsoft.AspNetCore.Http;

namespace KerjaSama.Modularity.Http;

/// <summary>
/// The one command-result type of every module (docs/architecture.md, "One module's shape"): what a command shared by
/// the API and the pages answers. A value, field errors (<see cref="Invalid(Validator)"/>, shown under their fields by
/// the pages and as a validation ProblemDetails by the API), or a coded failure (<see cref="Fail"/>: not found,
/// forbidden, conflict, ...). <see cref="ToResult"/> turns it into the HTTP answer; pages read <see cref="Value"/>,
/// <see cref="Errors"/> and <see cref="Code"/>. The architecture tests refuse other result types that carry field errors.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
    Justification = "Outcome<T>.Invalid(v) / Fail(...) name the value type where it cannot be inferred (a Validator carries no T).")]
public sealed record Outcome<T>(T? Value, IDictionary<string, string[]>? Errors = null, int Status = 200, string? Code = null, string? Detail = null)
{
    public bool Succeeded => Errors is null && Code is null;

    /// <summary>The coded failure's status is 404.</summary>
    public bool NotFound => Status == StatusCodes.Status404NotFound;

    /// <summary>The coded failure's status is 409 (e.g. <c>version_conflict</c>).</summary>
    public bool Conflict => Status == StatusCodes.Status409Conflict;

    public static implicit operator Outcome<T>(T value) => new(value);

    public static Outcome<T> Invalid(Validator v) => new(default, v.ToDictionary(), StatusCodes.Status400BadRequest);

    public static Outcome<T> Invalid(string field, string message, string code = "validation_failed") =>
        new(default, new Dictionary<string, string[]> { [field] = [Messages.ForCode(code, field) ?? message] }, StatusCodes.Status400BadRequest, code);

    public static Outcome<T> Invalid(string field, Msg message, string code = "validation_failed") =>
        new(default, new Validator().Add(field, code == "validation_failed" ? message.Key : code, message.ToString()).ToDictionary(), StatusCodes.Status400BadRequest, code);

    public static Outcome<T> Fail(int status, string code, string detail) => new(default, null, status, code, detail);

    public IResult ToResult(Func<T, IResult> ok)
    {
        if (Errors is not null)
            return Problems.Validation(Errors, Code ?? "validation_failed");
        return Status switch
        {
            StatusCodes.Status404NotFound => Problems.NotFound(Code!, Detail!),
            StatusCodes.Status403Forbidden => Problems.Forbidden(Code!, Detail!),
            StatusCodes.Status409Conflict => Problems.Conflict(Code!, Detail!),
            _ when Code is not null => TypedResults.Problem(Messages.ForCode(Code) ?? Detail, statusCode: Status, extensions: new Dictionary<string, object?> { ["code"] = Code }),
            _ => ok(Value!),
        };
    }
}
