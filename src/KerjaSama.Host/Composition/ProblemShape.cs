using Microsoft.AspNetCore.Http.Features;

namespace KerjaSama.Host.Composition;

/// <summary>Every problem response carries a stable <c>code</c> and the trace id, never a stack trace.</summary>
internal static class ProblemShape
{
    public static void Customise(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions.TryAdd("code", problem.Status switch
        {
            StatusCodes.Status400BadRequest => "bad_request",
            StatusCodes.Status401Unauthorized => "unauthenticated",
            StatusCodes.Status403Forbidden => "forbidden",
            StatusCodes.Status404NotFound => "not_found",
            StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
            StatusCodes.Status409Conflict => "conflict",
            StatusCodes.Status413PayloadTooLarge => "payload_too_large",
            StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
            _ => problem.Status >= 500 ? "internal_error" : "error",
        });
        problem.Extensions.TryAdd("traceId", context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id
            ?? context.HttpContext.TraceIdentifier);
        if (problem.Status == StatusCodes.Status404NotFound && problem.Detail is null)
            problem.Detail = $"Nothing is at {context.HttpContext.Request.Path}.";
    }
}
