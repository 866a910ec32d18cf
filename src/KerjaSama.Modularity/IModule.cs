using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace KerjaSama.Modularity;

/// <summary>
/// One business module of the platform. The host lists its modules explicitly and calls each hook in order.
/// </summary>
public interface IModule
{
    /// <summary>Lower-case name: the route prefix (<c>/api/{name}/</c>) and the database schema.</summary>
    string Name { get; }

    /// <summary>Registers the module's services, DbContext and integration-event handlers.</summary>
    void AddServices(WebApplicationBuilder builder);

    /// <summary>Maps the module's endpoints; called with a group already rooted at <c>/api/{Name}</c>.</summary>
    void MapEndpoints(RouteGroupBuilder api);

    /// <summary>Maps the module's SignalR hubs under <c>/hubs/</c>.</summary>
    void MapHubs(IEndpointRouteBuilder app)
    {
    }

    /// <summary>Entries of the web shell's main navigation for this module's pages.</summary>
    IEnumerable<NavItem> Navigation => [];

    /// <summary>Runs once after the database is migrated, e.g. to apply the module's seed data.</summary>
    Task InitialiseAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Adds the module's grains' needs to the co-hosted Orleans silo. Most modules need nothing.</summary>
    void ConfigureSilo(Orleans.Hosting.ISiloBuilder silo)
    {
    }
}
