using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using Microsoft.AspNetCore.Http;

namespace KerjaSama.Partners;

/// <summary>The result of a command shared by the API and the pages: a value, field errors, or a coded failure.</summary>
internal sealed record Outcome<T>(T? Value, IDictionary<string, string[]>? Errors = null, int Status = 200, string? Code = null, string? Detail = null)
{
    public bool Succeeded => Errors is null && Code is null;

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
