using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KerjaSama.Modularity.Http;

/// <summary>
/// Old paths kept for one release after a route moved (issue 21: <c>/api/meetings/meetings</c> became
/// <c>/api/meetings</c>). Every method under the old prefix answers 308 Permanent Redirect to the same path without the
/// prefix, query string kept; 308 keeps the method and the body, so an old client's POST or PUT still lands. Remove the
/// call one release after the move (docs/architecture.md, "Routes").
/// </summary>
public static class MovedRoutes
{
    /// <summary>
    /// Maps <paramref name="oldSegment"/> (e.g. <c>/meetings</c>) and everything below it on <paramref name="api"/> to a
    /// redirect that drops the segment: <c>/api/meetings/meetings/{id}</c> goes to <c>/api/meetings/{id}</c>. The redirect
    /// itself names nothing and reads nothing, so it is anonymous; the target authorises as usual.
    /// </summary>
    public static IEndpointConventionBuilder MapMovedPrefix(this IEndpointRouteBuilder api, string oldSegment) =>
        api.Map($"{oldSegment}/{{**path}}", (HttpContext http) =>
            {
                // The matched pattern's literal part is the old prefix (the module's group has no parameters).
                var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
                var oldPrefix = pattern[..pattern.IndexOf("/{**path}", StringComparison.Ordinal)];
                var full = http.Request.Path.Value ?? "";
                var target = oldPrefix[..^oldSegment.Length] + full[Math.Min(oldPrefix.Length, full.Length)..] + http.Request.QueryString;
                return Results.Redirect(target, permanent: true, preserveMethod: true);
            })
            .WithMetadata(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute())
            .ExcludeFromDescription()
            .DisableAntiforgery();
}
