using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Modularity.Persistence;

/// <summary>Registers a module's DbContext for the configured provider.</summary>
public static class ModuleDbContextRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> (scoped) and <see cref="IDbContextFactory{TContext}"/> (for grains
    /// and background work). Each provider has its own derived context type so that its migrations live beside
    /// the others in the module's assembly (see docs/adr/0003).
    /// </summary>
    public static WebApplicationBuilder AddModuleDbContext<TContext, TSqlite, TPostgreSql, TSqlServer>(
        this WebApplicationBuilder builder, string schema)
        where TContext : ModuleDbContext
        where TSqlite : TContext
        where TPostgreSql : TContext
        where TSqlServer : TContext
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        // An unknown provider is reported by options validation at start-up; register something harmless meanwhile.
        var provider = Enum.TryParse<DatabaseProvider>(options.Provider, true, out var parsed) ? parsed : DatabaseProvider.Sqlite;
        return provider switch
        {
            DatabaseProvider.PostgreSql => builder.Register<TContext, TPostgreSql>(schema),
            DatabaseProvider.SqlServer => builder.Register<TContext, TSqlServer>(schema),
            _ => builder.Register<TContext, TSqlite>(schema),
        };
    }

    private static WebApplicationBuilder Register<TContext, TConcrete>(this WebApplicationBuilder builder, string schema)
        where TContext : ModuleDbContext
        where TConcrete : TContext
    {
        builder.Services.AddDbContextFactory<TConcrete>((sp, o) => sp.GetRequiredService<DatabaseConnection>().Configure(o, schema));
        builder.Services.AddSingleton<IDbContextFactory<TContext>>(sp =>
            new ForwardingFactory<TContext, TConcrete>(sp.GetRequiredService<IDbContextFactory<TConcrete>>()));
        builder.Services.AddScoped<TContext>(sp => sp.GetRequiredService<IDbContextFactory<TConcrete>>().CreateDbContext());
        builder.Services.AddSingleton<IModuleDatabase, ModuleDatabase<TContext>>();
        return builder;
    }

    private sealed class ForwardingFactory<TContext, TConcrete>(IDbContextFactory<TConcrete> inner) : IDbContextFactory<TContext>
        where TContext : DbContext
        where TConcrete : TContext
    {
        public TContext CreateDbContext() => inner.CreateDbContext();
    }
}
