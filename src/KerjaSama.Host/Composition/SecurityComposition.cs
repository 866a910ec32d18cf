using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using KerjaSama.Identity;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Security;
using KerjaSama.SharedKernel;
using OpenIddict.Validation.AspNetCore;

namespace KerjaSama.Host.Composition;

internal static class SecurityComposition
{
    /// <summary>Forwards to OpenIddict validation for bearer requests and to the sign-in cookie otherwise.</summary>
    public const string PlatformScheme = "kerjasama";

    /// <summary>One authorization model: policies on claims of <see cref="PlatformClaims"/>, deny by default where applied.</summary>
    public static WebApplicationBuilder AddPlatformSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = PlatformScheme;
                o.DefaultChallengeScheme = PlatformScheme;
            })
            .AddPolicyScheme(PlatformScheme, "Bearer token or sign-in cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
                    : IdentityModule.CookieScheme);

        // Closed by default: an endpoint or page that names no policy (and is not [AllowAnonymous]) needs a member.
        var member = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireAssertion(c => Caller.From(c.User) is not null).Build();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<IAuthorizationPolicyProvider, RouteFallbackPolicyProvider>();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(member)
            .AddPolicy(Policies.Member, member)
            .AddPolicy(Policies.Secretariat, p => p.RequireAuthenticatedUser().RequireClaim(PlatformClaims.Role, PlatformRoles.SecretariatAdmin))
            .AddPolicy(Policies.Facilitator, p => p.RequireAuthenticatedUser()
                .RequireClaim(PlatformClaims.Role, PlatformRoles.SecretariatAdmin, PlatformRoles.Facilitator));

        var permits = builder.Configuration.GetValue("KerjaSama:Identity:SignInRequestsPerMinute", 30);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInOrToken(context)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                http.Response.Headers.RetryAfter = "60";
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests, Title = Messages.Text("title.429"),
                        Detail = Messages.Text("detail.sign_in_rate_limited"),
                        Extensions = { ["code"] = ProblemCodes.RateLimited },
                    },
                });
            };
        });
        builder.AddCrossSiteProtection();
        return builder;
    }

    /// <summary>Before authentication: rate limits, the hub's query-string token, transport checks and security headers.</summary>
    public static WebApplication UsePlatformSecurity(this WebApplication app)
    {
        var allowHttp = app.Configuration.GetValue("KerjaSama:Identity:AllowHttpOnLoopback", false)
            && (app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Testing"));
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (context.Request.Path.StartsWithSegments("/account") || context.Request.Path.StartsWithSegments("/connect"))
            {
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = "frame-ancestors 'none'";
                // Plain HTTP is tolerated for loopback only; OpenIddict itself was told to allow it in that case.
                if (allowHttp && !context.Request.IsHttps && context.Connection.RemoteIpAddress is { } ip && !System.Net.IPAddress.IsLoopback(ip))
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return Task.CompletedTask;
                }
            }

            // Browsers cannot set headers on WebSocket/SSE requests: only hubs take the token from the query string.
            if (context.Request.Path.StartsWithSegments("/hubs") && !context.Request.Headers.ContainsKey("Authorization")
                && context.Request.Query.TryGetValue("access_token", out var token) && token.Count == 1)
            {
                context.Request.Headers.Authorization = "Bearer " + token;
            }

            return next();
        });
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Settings of <c>KerjaSama:Security</c>, the cross-site guard and HSTS.</summary>
    public static WebApplicationBuilder AddCrossSiteProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecuritySettings>().BindConfiguration(SecuritySettings.Section)
            .Validate(s => s.IsValid(out _), $"{SecuritySettings.Section} is not valid (see the start-up error).")
            .ValidateOnStart();
        var settings = builder.Configuration.GetSection(SecuritySettings.Section).Get<SecuritySettings>() ?? new();
        if (!settings.IsValid(out var error))
            StartupRefusal.Register(builder.Services, error);
        builder.Services.AddSingleton<CrossSiteGuard>();
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(Math.Max(0, settings.Hsts.MaxAgeDays));
            o.IncludeSubDomains = settings.Hsts.IncludeSubDomains;
            o.Preload = settings.Hsts.Preload;
        });
        return builder;
    }

    /// <summary><c>Strict-Transport-Security</c> on HTTPS answers outside Development (after the forwarded headers, so a
    /// TLS proxy's <c>X-Forwarded-Proto</c> counts).</summary>
    public static WebApplication UsePlatformHsts(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && app.Configuration.GetValue($"{SecuritySettings.Section}:Hsts:Enabled", true))
            app.UseHsts();
        return app;
    }

    /// <summary>After authentication (the guard needs to know whether the cookie signed the caller in): refuses forged
    /// cross-site API writes and hub connections from foreign origins with a 403 problem <c>csrf_refused</c>.</summary>
    public static WebApplication UseCrossSiteProtection(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (await context.RequestServices.GetRequiredService<CrossSiteGuard>().RefusalAsync(context) is { } refusal)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status403Forbidden, Title = Messages.Text("title.csrf_refused"), Detail = refusal,
                        Extensions = { ["code"] = "csrf_refused" },
                    },
                });
                return;
            }

            await next();
        });
        return app;
    }

    private static bool IsSignInOrToken(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && (context.Request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.Equals("/connect/token", StringComparison.OrdinalIgnoreCase));
}
