using KerjaSama.Modularity;
using KerjaSama.Modularity.Persistence;
using Microsoft.Extensions.Options;

namespace KerjaSama.Host.Composition;

internal static class DatabaseComposition
{
    public static WebApplicationBuilder AddPlatformDatabase(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        builder.Services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.Section);
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        builder.Services.AddSingleton(sp =>
        {
            var platform = sp.GetRequiredService<IOptions<PlatformOptions>>().Value;
            var dataDirectory = Path.GetFullPath(platform.DataDirectory, sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            return DatabaseConnection.Resolve(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, dataDirectory);
        });
        builder.Services.AddSingleton(new ModuleList(modules));
        builder.Services.AddSingleton<DatabaseInitialiser>();
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }
}

internal sealed record ModuleList(IReadOnlyList<IModule> Modules);
