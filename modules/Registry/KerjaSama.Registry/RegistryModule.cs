using KerjaSama.Modularity;
using KerjaSama.Modularity.Events;
using KerjaSama.Modularity.Persistence;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Affairs;
using KerjaSama.Registry.Contracts;
using KerjaSama.Registry.Features.Affairs;
using KerjaSama.Registry.Features.Imports;
using KerjaSama.Registry.Features.Nomenclature;
using KerjaSama.Registry.Features.Organisations;
using KerjaSama.Registry.Features.Regions;
using KerjaSama.Registry.Nomenclature;
using KerjaSama.Registry.Organisations;
using KerjaSama.Registry.Persistence;
using KerjaSama.Registry.Regions;
using KerjaSama.Registry.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Registry;

/// <summary>Reference data: regions and borders, government affairs, planning nomenclature, organisations.</summary>
public sealed class RegistryModule : IModule
{
    public string Name => RegistryDb.SchemaName;

    public IEnumerable<NavItem> Navigation =>
    [
        new("/registry/regions", "Wilayah", "Regions", 10),
        new("/registry/affairs", "Urusan", "Affairs", 11),
        new("/registry/organisations", "Organisasi", "Organisations", 12),
    ];

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<RegistryDb, SqliteRegistryDb, PostgreSqlRegistryDb, SqlServerRegistryDb>(RegistryDb.SchemaName);
        builder.Services.AddIntegrationEvents();
        builder.Services.AddSingleton<IRegionDirectory, RegionDirectory>();
        builder.Services.AddSingleton<IOrganisationDirectory, OrganisationDirectory>();
        builder.Services.AddSingleton<IAffairCatalog, AffairCatalog>();
        builder.Services.AddSingleton<INomenclatureCatalog, NomenclatureCatalog>();
        builder.Services.AddSingleton<RegistrySeeder>();
        builder.Services.AddScoped<OrganisationCommands>();
        builder.Services.AddOptions<ImportLimits>().BindConfiguration(ImportLimits.Section)
            .Validate(l => l.MaxImportBytes > 0, $"{ImportLimits.Section}:MaxImportBytes must be positive.").ValidateOnStart();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        // Reference data is public; every write sits in one group so that one line can guard them all.
        // Reads are explicitly public (the platform's fallback policy closes everything else).
        var reads = api.MapGroup("").AllowAnonymous();
        var writes = api.MapGroup("").RequireAuthorization(Policies.Secretariat);
        RegionEndpoints.Map(reads);
        AffairEndpoints.Map(reads, writes);
        NomenclatureEndpoints.Map(reads, writes);
        OrganisationEndpoints.Map(reads, writes);
    }

    public Task InitialiseAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<RegistrySeeder>().SeedAsync(cancellationToken);
}
