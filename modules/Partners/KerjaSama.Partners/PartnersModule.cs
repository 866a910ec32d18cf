using KerjaSama.Modularity;
using KerjaSama.Modularity.Events;
using KerjaSama.Modularity.Persistence;
using KerjaSama.Partners.Features;
using KerjaSama.Partners.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace KerjaSama.Partners;

/// <summary>Relationship data of partner organisations, offers, joint (KB) and cooperation (PKS) agreements.</summary>
public sealed class PartnersModule : IModule
{
    public string Name => PartnersDb.SchemaName;

    public IEnumerable<NavItem> Navigation => [new("/partners", "Mitra", "Partners", 20), new("/partners/sso", "SSO mitra", "Partner sign-on", 21)];

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<PartnersDb, SqlitePartnersDb, PostgreSqlPartnersDb, SqlServerPartnersDb>(PartnersDb.SchemaName);
        builder.Services.AddIntegrationEvents();
    }

    public void MapEndpoints(RouteGroupBuilder api) => PartnerEndpoints.Map(api);
}
