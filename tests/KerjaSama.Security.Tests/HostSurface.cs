using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Security.Tests;

/// <summary>One way into the running host: an HTTP route (API or page) or a hub method.</summary>
internal sealed record Surface(string Method, string Route)
{
    public override string ToString() => $"{Method} {Route}";
}

/// <summary>
/// What the running host exposes, read from the host itself: every route of the endpoint data source (minimal APIs,
/// pages, hubs) and every public method of every hub. Static files are left out: they are public by design.
/// </summary>
internal static class HostSurface
{
    public static IReadOnlyList<RouteEndpoint> Endpoints(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(e => !IsStaticAsset(e))];

    public static IReadOnlyList<Surface> Routes(IServiceProvider services) =>
        [.. Endpoints(services).SelectMany(e => MethodsOf(e).Select(m => new Surface(m, Normalise(e.RoutePattern.RawText ?? ""))))
            .Distinct().OrderBy(s => s.Route, StringComparer.Ordinal).ThenBy(s => s.Method, StringComparer.Ordinal)];

    public static IReadOnlyList<Surface> HubMethods(IServiceProvider services) =>
        [.. Endpoints(services).Select(e => (Hub: e.Metadata.GetMetadata<HubMetadata>()?.HubType, Route: Normalise(e.RoutePattern.RawText ?? "")))
            .Where(h => h.Hub is not null && !h.Route.EndsWith("/negotiate", StringComparison.Ordinal))
            .DistinctBy(h => h.Hub)
            .SelectMany(h => h.Hub!.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync" or "Dispose"))
                .Select(m => new Surface("HUB", $"{h.Route}#{m.Name}")))
            .Where(s => !s.Route.StartsWith("/_blazor", StringComparison.Ordinal))
            .OrderBy(s => s.Route, StringComparer.Ordinal)];

    /// <summary>How the host authorises an endpoint, for the failure message of a missing row.</summary>
    public static string Describe(IServiceProvider services, Surface surface)
    {
        var endpoint = Endpoints(services).FirstOrDefault(e => Normalise(e.RoutePattern.RawText ?? "") == surface.Route
            && MethodsOf(e).Contains(surface.Method, StringComparer.Ordinal));
        if (endpoint is null)
            return "";
        var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null ? " anonymous" : "";
        var policies = string.Join(",", endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "(authenticated)"));
        var page = IsPage(endpoint) ? " page" : "";
        return $"[{policies}{anonymous}{page}]";
    }

    /// <summary>A Razor component page (server-rendered; its anonymous visitors are sent to the sign-in page).</summary>
    public static bool IsPage(RouteEndpoint endpoint) => endpoint.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata");

    private static IEnumerable<string> MethodsOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["ANY"];

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor")
        // Blazor's fingerprinted resource list is a static file too (its name changes with every build).
        || endpoint.RoutePattern.RawText?.StartsWith("_framework/resource-collection", StringComparison.Ordinal) == true
        || endpoint.Metadata.GetMetadata<HttpConnectionDispatcherOptions>() is not null && endpoint.RoutePattern.RawText?.StartsWith("_blazor", StringComparison.Ordinal) == true;

    private static string Normalise(string raw) => "/" + raw.TrimStart('/');
}
