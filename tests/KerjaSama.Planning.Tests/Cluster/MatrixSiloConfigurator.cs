using KerjaSama.Modularity.Persistence;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using KerjaSama.Registry.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace KerjaSama.Planning.Tests.Cluster;

/// <summary>Gives every silo of the test cluster what the matrix grain needs, on the real database.</summary>
public sealed class MatrixSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var provider = Enum.Parse<DatabaseProvider>(siloBuilder.Configuration["Provider"]!);
        var connection = new DatabaseConnection(provider, siloBuilder.Configuration["ConnectionString"]!);
        var services = siloBuilder.Services;
        services.AddSingleton(connection);
        if (provider == DatabaseProvider.Sqlite)
            services.AddDbContextFactory<SqlitePlanningDb>(o => connection.Configure(o, PlanningDb.SchemaName));
        else
            services.AddDbContextFactory<PostgreSqlPlanningDb>(o => connection.Configure(o, PlanningDb.SchemaName));
        services.AddSingleton<IDbContextFactory<PlanningDb>>(sp => provider == DatabaseProvider.Sqlite
            ? new Adapter<SqlitePlanningDb>(sp.GetRequiredService<IDbContextFactory<SqlitePlanningDb>>())
            : new Adapter<PostgreSqlPlanningDb>(sp.GetRequiredService<IDbContextFactory<PostgreSqlPlanningDb>>()));
        services.AddSingleton<MatrixStore>();
        services.AddMetrics();
        services.AddSingleton<LiveMetrics>();
        services.AddSingleton<FixedRegistry>();
        services.AddSingleton<IRegionDirectory>(sp => sp.GetRequiredService<FixedRegistry>());
        services.AddSingleton<IAffairCatalog>(sp => sp.GetRequiredService<FixedRegistry>());
        services.AddSingleton<IOrganisationDirectory>(sp => sp.GetRequiredService<FixedRegistry>());
        services.AddSingleton<INomenclatureCatalog>(sp => sp.GetRequiredService<FixedRegistry>());
        services.AddSingleton(TimeProvider.System);
    }

    private sealed class Adapter<T>(IDbContextFactory<T> inner) : IDbContextFactory<PlanningDb>
        where T : PlanningDb
    {
        public PlanningDb CreateDbContext() => inner.CreateDbContext();
    }
}
