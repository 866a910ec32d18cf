using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace KerjaSama.Host.Composition;

/// <summary>
/// SameSite=Lax still lets a sibling site under the same registrable domain send the sign-in cookie. A state-changing
/// <c>/api</c> request authenticated by that cookie (not by a bearer token) therefore needs a same-origin proof: the
/// <see cref="ProofHeader"/> header (which no other origin can add without a CORS preflight the host never grants) or a
/// valid antiforgery token (the server-rendered forms); and an <c>Origin</c> (or <c>Sec-Fetch-Site</c>) that names an
/// allowed origin when the browser sends one. Hubs and Blazor's circuit refuse a foreign <c>Origin</c>; clients that send
/// none (the .NET SignalR client with a bearer token) pass.
/// </summary>
internal sealed class CrossSiteGuard(IOptions<SecuritySettings> settings, IConfiguration configuration, IAntiforgery antiforgery)
{
    /// <summary>The header the platform's own scripts and the board send on every API call; any non-empty value.</summary>
    public const string ProofHeader = "X-KerjaSama-Csrf";

    private readonly Uri[] _allowed = [.. settings.Value.AllowedOrigins.Select(o => new Uri(o)),
        .. configuration.GetValue<Uri?>("KerjaSama:Identity:Issuer") is { IsAbsoluteUri: true } issuer ? [issuer] : Array.Empty<Uri>()];

    /// <summary>Null when the request may go on, otherwise why it may not.</summary>
    public async Task<string?> RefusalAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/_blazor"))
        {
            return request.Headers.Origin is { Count: > 0 } origin && !IsAllowed(context, origin.ToString())
                ? "This origin may not connect to the platform's hubs."
                : null;
        }

        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            return null;
        // A bearer token is sent by code that holds it, never by the browser on its own: not forgeable across sites.
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return null;
        // Not signed in: the endpoint answers 401 or is public; there is no ambient authority to abuse.
        if (context.User.Identity?.IsAuthenticated != true)
            return null;

        if (request.Headers.Origin is { Count: > 0 } sent)
        {
            if (!IsAllowed(context, sent.ToString()))
                return "The request comes from another site (Origin).";
        }
        else if (request.Headers["Sec-Fetch-Site"] is { Count: > 0 } site && site.ToString() is not ("same-origin" or "none"))
        {
            return "The request comes from another site (Sec-Fetch-Site).";
        }

        if (!string.IsNullOrWhiteSpace(request.Headers[ProofHeader]))
            return null;
        if ((request.HasFormContentType || request.Headers.ContainsKey("RequestVerificationToken"))
            && await antiforgery.IsRequestValidAsync(context))
            return null;
        return $"A signed-in browser must send the {ProofHeader} header or the form's antiforgery token.";
    }

    private bool IsAllowed(HttpContext context, string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
            return false; // "null" (sandboxed frames, file:) and garbage
        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        return (Uri.TryCreate(own, UriKind.Absolute, out var self) && SameOrigin(uri, self)) || _allowed.Any(a => SameOrigin(uri, a));
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
