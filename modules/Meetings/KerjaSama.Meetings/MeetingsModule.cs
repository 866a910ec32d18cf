using KerjaSama.Meetings.Attendance;
using KerjaSama.Meetings.Features;
using KerjaSama.Meetings.Mail;
using KerjaSama.Meetings.Minutes;
using KerjaSama.Meetings.Persistence;
using KerjaSama.Modularity;
using KerjaSama.Modularity.Events;
using KerjaSama.Modularity.Persistence;
using KerjaSama.Planning.Contracts.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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

        builder.Services.AddOptions<MailSettings>().BindConfiguration(MailSettings.Section)
            .Validate(s => s.Mode is null || s.Mode is MailModes.Pickup or MailModes.Smtp or MailModes.Disabled,
                "KerjaSama:Mail:Mode must be Pickup, Smtp or Disabled.")
            .Validate(s => s.Mode != MailModes.Smtp || !string.IsNullOrWhiteSpace(s.Host), "KerjaSama:Mail:Host is required in Smtp mode.")
            .Validate(s => s.Port is > 0 and < 65536, "KerjaSama:Mail:Port must be a TCP port.")
            .ValidateOnStart();
        var settings = builder.Configuration.GetSection(MailSettings.Section).Get<MailSettings>() ?? new();
        var mode = settings.Mode ?? (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing") ? MailModes.Pickup
            : string.IsNullOrWhiteSpace(settings.Host) ? MailModes.Disabled : MailModes.Smtp);
        var dataDirectory = Path.GetFullPath(builder.Configuration.GetValue<string>($"{PlatformOptions.Section}:{nameof(PlatformOptions.DataDirectory)}")
            ?? "App_Data", builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(new MailOptions(mode, Path.GetFullPath(settings.PickupDirectory, dataDirectory), settings));
        builder.Services.AddSingleton<MailTransport>();

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
