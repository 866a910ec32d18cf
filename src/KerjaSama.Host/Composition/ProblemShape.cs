using KerjaSama.Modularity.Localization;
using KerjaSama.SharedKernel;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace KerjaSama.Host.Composition;

/// <summary>
/// Every problem response carries a stable <c>code</c> and the trace id, never a stack trace; a title left at the
/// framework's English default (status pages, binding failures) becomes the catalogue's <c>title.&lt;status&gt;</c>.
/// </summary>
internal static class ProblemShape
{
    public static void Customise(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions.TryAdd("code", problem.Status switch
        {
            StatusCodes.Status400BadRequest => "bad_request",
            StatusCodes.Status401Unauthorized => ProblemCodes.Unauthenticated,
            StatusCodes.Status403Forbidden => ProblemCodes.Forbidden,
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
            problem.Detail = Messages.Text("detail.nothing_at_path", context.HttpContext.Request.Path.Value);
        if (problem.Status is { } status && (problem.Title is null || problem.Title == ReasonPhrases.GetReasonPhrase(status)
            || problem.Title == "An error occurred while processing your request." || problem.Title == "One or more validation errors occurred."))
            problem.Title = Messages.Find(System.Globalization.CultureInfo.CurrentUICulture, $"title.{status}") ?? problem.Title;
    }
}
