using System.Text.Json;
using KerjaSama.Modularity;
using KerjaSama.Web;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;

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
        app.MapGet("/culture", SetCulture).ExcludeFromDescription().AllowAnonymous();
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

    private static async Task<IResult> SetCulture(HttpContext context, string? c, string? @return)
    {
        var culture = Loc.SupportedCultures.Contains(c) ? c! : "id";
        // Signed in: the choice is the user's stored language too (e-mails and exports follow it, issue 20).
        if (KerjaSama.Modularity.Security.Caller.From(context.User) is { } caller
            && context.RequestServices.GetService<KerjaSama.Identity.Contracts.IUserLanguages>() is { } languages)
            await languages.SetAsync(caller.UserId, culture, context.RequestAborted);
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        // Only local paths: an open redirect would let a link to this page bounce users anywhere.
        var target = @return is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) && !r.Contains('\\')
            ? r : "/";
        return Results.LocalRedirect(target);
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
