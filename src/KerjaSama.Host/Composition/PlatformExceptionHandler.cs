using Microsoft.AspNetCore.Diagnostics;

namespace KerjaSama.Host.Composition;

/// <summary>
/// Turns failures into problem details: a client's malformed request keeps its status (400, 413, ...) and a
/// message about the request; anything else is a 500 that says nothing about the server's internals.
/// </summary>
internal sealed partial class PlatformExceptionHandler(IProblemDetailsService problems, ILogger<PlatformExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        int status;
        string title;
        string? detail;
        if (exception is BadHttpRequestException bad)
        {
            status = bad.StatusCode;
            title = status == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request";
            detail = status == StatusCodes.Status413PayloadTooLarge
                ? "The request body is larger than this endpoint accepts."
                : bad.Message;
        }
        else
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
            status = StatusCodes.Status500InternalServerError;
            title = "Unexpected error";
            detail = "The server could not complete the request. It has been logged; quote the trace id when reporting it.";
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure in {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
