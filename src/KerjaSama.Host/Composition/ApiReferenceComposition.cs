using KerjaSama.Modularity.Security;
using Scalar.AspNetCore;

namespace KerjaSama.Host.Composition;

/// <summary>The OpenAPI document and the Scalar reference: public in Development and Testing, for the secretariat elsewhere
/// (<c>KerjaSama:Security:OpenApi</c> = <c>Auto</c>), or as configured (<c>Public</c>, <c>Secretariat</c>, <c>Off</c>).</summary>
internal static class ApiReferenceComposition
{
    public static WebApplication MapApiReference(this WebApplication app)
    {
        var configured = app.Configuration.GetValue($"{SecuritySettings.Section}:OpenApi", OpenApiExposure.Auto)!;
        var exposure = configured.Equals(OpenApiExposure.Auto, StringComparison.OrdinalIgnoreCase)
            ? app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Testing") ? OpenApiExposure.Public : OpenApiExposure.Secretariat
            : configured;
        if (exposure.Equals(OpenApiExposure.Off, StringComparison.OrdinalIgnoreCase))
            return app;

        IEndpointConventionBuilder[] endpoints = [app.MapOpenApi(), app.MapScalarApiReference(o => o.WithTitle("KerjaSama Platform API"))];
        foreach (var endpoint in endpoints)
        {
            if (exposure.Equals(OpenApiExposure.Public, StringComparison.OrdinalIgnoreCase))
                endpoint.AllowAnonymous();
            else
                endpoint.RequireAuthorization(Policies.Secretariat);
        }

        return app;
    }
}
