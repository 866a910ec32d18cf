using System.Security.Cryptography;
using System.Text;

namespace KerjaSama.Host.Composition;

/// <summary>
/// Lets a scrape through only with <c>Authorization: Bearer &lt;KerjaSama:Telemetry:Prometheus:ScrapeToken&gt;</c>.
/// No bearer token: 401 with a <c>WWW-Authenticate</c> challenge; another token (a member's access token too): 403.
/// Compared as SHA-256 digests in constant time, so neither the token nor its length leaks through timing.
/// </summary>
internal sealed class ScrapeTokenGate(string token)
{
    private const string Bearer = "Bearer ";
    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim()));

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
            return RefuseAsync(context, StatusCodes.Status401Unauthorized, "scrape_token_required", "Send the scrape token as a bearer token.");
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[Bearer.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _expected)
            ? next(context)
            : RefuseAsync(context, StatusCodes.Status403Forbidden, "scrape_token_refused", "This token may not read the metrics.");
    }

    private static async Task RefuseAsync(HttpContext context, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = status == 401 ? "Unauthorized" : "Forbidden", Detail = detail, Extensions = { ["code"] = code } },
        });
    }
}
