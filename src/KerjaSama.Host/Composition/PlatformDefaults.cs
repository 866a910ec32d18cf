using System.Text.Json.Serialization;
using KerjaSama.Modularity.Events;
using KerjaSama.Web;
using Microsoft.AspNetCore.Http.Json;

namespace KerjaSama.Host.Composition;

internal static class PlatformDefaults
{
    public static WebApplicationBuilder AddPlatformDefaults(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("KerjaSama:Logging:Json", !builder.Environment.IsDevelopment()))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        var maxBody = builder.Configuration.GetValue<long>("KerjaSama:Limits:MaxRequestBodyBytes", 1024 * 1024);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = maxBody;
            k.AddServerHeader = false;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddIntegrationEvents();

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemShape.Customise);
        builder.Services.AddExceptionHandler<PlatformExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });

        builder.AddPlatformForwardedHeaders();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks();
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<Loc>();
        return builder;
    }

    public static WebApplication UsePlatformDefaults(this WebApplication app)
    {
        // First: everything after it (rate limits per address, HTTPS checks, the issuer) sees the client's address and scheme.
        app.UsePlatformForwardedHeaders();
        app.UsePlatformHsts();
        app.UseExceptionHandler();
        var apiLike = new[] { "/api", "/hubs", "/health", "/openapi" };
        app.UseWhen(ctx => apiLike.Any(p => ctx.Request.Path.StartsWithSegments(p)), api => api.UseStatusCodePages());
        // Pages re-execute as the not-found page for GET only: a refused form post keeps its 403 (re-executing it as a
        // POST of /not-found would answer 400 for the missing antiforgery token and hide the refusal).
        app.UseWhen(ctx => !apiLike.Any(p => ctx.Request.Path.StartsWithSegments(p)) && (HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method)),
            web => web.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture("id");
            o.AddSupportedCultures([.. Loc.SupportedCultures]);
            o.AddSupportedUICultures([.. Loc.SupportedCultures]);
            o.FallBackToParentUICultures = true;
        });
        // Explicit routing after the status-code pages, so a re-executed /not-found request is routed again.
        app.UseRouting();
        app.UsePlatformSecurity();
        app.UseAuthentication();
        app.UseCrossSiteProtection();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}
