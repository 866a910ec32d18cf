using KerjaSama.Meetings.Features;
using KerjaSama.Meetings.Persistence;
using KerjaSama.Modularity;
using KerjaSama.Modularity.Events;
using KerjaSama.Modularity.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace KerjaSama.Meetings;

/// <summary>Meetings of the secretariat: agenda, invitations, attendance, minutes, decisions and action items.</summary>
public sealed class MeetingsModule : IModule
{
    public string Name => MeetingsDb.SchemaName;

    public IEnumerable<NavItem> Navigation => [new("/meetings", "Rapat", "Meetings", 40)];

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<MeetingsDb, SqliteMeetingsDb, PostgreSqlMeetingsDb, SqlServerMeetingsDb>(MeetingsDb.SchemaName);
        builder.Services.AddIntegrationEvents();
    }

    public void MapEndpoints(RouteGroupBuilder api) => MeetingEndpoints.Map(api);
}
