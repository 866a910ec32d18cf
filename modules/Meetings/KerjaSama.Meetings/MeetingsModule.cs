using KerjaSama.Meetings.Attendance;
using KerjaSama.Meetings.Features.Attendance;
using KerjaSama.Meetings.Features.Invitations;
using KerjaSama.Meetings.Features.Meetings;
using KerjaSama.Meetings.Features.Sessions;
using KerjaSama.Meetings.Features.Summary;
using KerjaSama.Meetings.Minutes;
using KerjaSama.Meetings.Persistence;
using KerjaSama.Modularity;
using KerjaSama.Modularity.Events;
using KerjaSama.Modularity.Persistence;
using KerjaSama.Planning.Contracts.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

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
        builder.Services.AddIntegrationEventHandler<ParticipantJoined, PresenceHandlers>();
        builder.Services.AddIntegrationEventHandler<ParticipantLeft, PresenceHandlers>();
        builder.Services.AddIntegrationEventHandler<MappingSessionClosed, PresenceHandlers>();
        builder.Services.AddIntegrationEventHandler<KerjaSama.Planning.Contracts.MappingExerciseMeetingChosen, ExerciseMeetingLink>();
        builder.Services.AddScoped<KerjaSama.Meetings.Contracts.IMeetingDirectory, MeetingDirectory>();

        builder.Services.AddScoped<MeetingCommands>();
        builder.Services.AddScoped<InvitationSender>();
        builder.Services.AddScoped<SessionCommands>();
        builder.Services.AddScoped<AttendanceCalculator>();
        builder.Services.AddScoped<AttendanceCorrections>();
        builder.Services.AddScoped<MinutesCommands>();
        builder.Services.AddScoped<SummaryBuilder>();
    }

    public void MapEndpoints(RouteGroupBuilder api) => MeetingEndpoints.Map(api);
}
