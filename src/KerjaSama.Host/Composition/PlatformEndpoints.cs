using System.Text.Json;
using KerjaSama.Modularity;
using KerjaSama.Web;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace KerjaSama.Host.Composition;

internal static class PlatformEndpoints
{
    public static WebApplication MapPlatformEndpoints(this WebApplication app, IReadOnlyList<IModule> modules)
    {
        // Everything here is deliberately public (the fallback policy closes the rest); docs/security.md lists why.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealth }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteHealth })
            .AllowAnonymous();
        app.MapApiReference();
        // A POST form with its antiforgery token (the shell's LanguageSwitch): a link or an image elsewhere cannot change a
        // user's stored language. There is no GET: /culture?c=en is an unknown page. The token is checked here, not by
        // form binding, so a refusal is a problem with a code rather than the framework's bare 400.
        app.MapPost("/culture", LanguageSwitchEndpoint.SetCultureAsync).ExcludeFromDescription().AllowAnonymous().DisableAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies([.. modules.Where(m => m.Navigation.Any()).Select(m => m.GetType().Assembly)])
            // Blazor's own framework resources are public like the other static files; its pages keep their policies.
            .Add(endpoint =>
            {
                if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.TrimStart('/').StartsWith("_framework/", StringComparison.Ordinal))
                    endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
            });
        return app;
    }

    private static Task WriteHealth(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            durationMs = report.TotalDuration.TotalMilliseconds,
            // Status names only: a description can carry a database's error text (the logs have the details).
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString() }),
        });
    }
}
