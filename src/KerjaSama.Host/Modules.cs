using KerjaSama.Identity;
using KerjaSama.Meetings;
using KerjaSama.Modularity;
using KerjaSama.Partners;
using KerjaSama.Planning;
using KerjaSama.Registry;

namespace KerjaSama.Host;

/// <summary>The modules this host runs, in the order they are composed. Listed, never scanned.</summary>
internal static class Modules
{
    public static readonly IReadOnlyList<IModule> All =
    [
        new RegistryModule(),
        new IdentityModule(),
        new PartnersModule(),
        new PlanningModule(),
        new MeetingsModule(),
    ];
}
