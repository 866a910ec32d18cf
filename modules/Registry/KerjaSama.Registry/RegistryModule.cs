using KerjaSama.Modularity;
using KerjaSama.Modularity.Events;
using KerjaSama.Modularity.Persistence;
using KerjaSama.Registry.Contracts;
using KerjaSama.Registry.Organisations;
using KerjaSama.Registry.Persistence;
using KerjaSama.Registry.Regions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Registry;

/// <summary>Reference data: regions and borders, government affairs, planning nomenclature, organisations.</summary>
public sealed class RegistryModule : IModule
{
    public string Name => RegistryDb.SchemaName;

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<RegistryDb, SqliteRegistryDb, PostgreSqlRegistryDb, SqlServerRegistryDb>(RegistryDb.SchemaName);
        builder.Services.AddIntegrationEvents();
        builder.Services.AddSingleton<IRegionDirectory, RegionDirectory>();
        builder.Services.AddSingleton<IOrganisationDirectory, OrganisationDirectory>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
    }
}
