using KerjaSama.Modularity.Persistence;
using KerjaSama.Modularity.Localization;
using Microsoft.AspNetCore.Diagnostics;

namespace KerjaSama.Host.Composition;

/// <summary>
/// Turns failures into problem details: a client's malformed request keeps its status (400, 413, ...) and a
/// message about the request; a database that cannot be reached is a 503 with the code <c>database_unavailable</c>
/// and a Retry-After (the request changed nothing; send it again shortly); anything else is a 500 that says nothing about the server's internals.
/// </summary>
internal sealed partial class PlatformExceptionHandler(IProblemDetailsService problems, ILogger<PlatformExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        int status;
        string title;
        string? detail;
        string? code = null;
        if (exception is BadHttpRequestException bad)
        {
            status = bad.StatusCode;
            title = Messages.Text(status == StatusCodes.Status413PayloadTooLarge ? "title.413" : "title.400");
            detail = status == StatusCodes.Status413PayloadTooLarge
                ? Messages.Text("detail.body_too_large")
                : bad.Message;
        }
        else if (StoreFailures.IsUnavailable(exception))
        {
            LogUnavailable(exception.GetBaseException().Message, httpContext.Request.Method, httpContext.Request.Path);
            status = StatusCodes.Status503ServiceUnavailable;
            title = Messages.Text("title.database_unavailable");
            detail = Messages.Text("database_unavailable");
            code = StoreFailures.UnavailableCode;
            httpContext.Response.Headers.RetryAfter = "2";
        }
        else
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
            status = StatusCodes.Status500InternalServerError;
            title = Messages.Text("title.500");
            detail = Messages.Text("detail.unexpected_error");
        }

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        if (code is not null)
            problem.ProblemDetails.Extensions["code"] = code;
        return await problems.TryWriteAsync(problem);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable ({Reason}) in {Method} {Path}: answered 503")]
    private partial void LogUnavailable(string reason, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure in {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
