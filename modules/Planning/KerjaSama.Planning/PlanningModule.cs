using KerjaSama.Modularity;
using KerjaSama.Modularity.Events;
using KerjaSama.Modularity.Persistence;
using KerjaSama.Modularity.Spreadsheets;
using KerjaSama.Planning.Contracts;
using KerjaSama.Planning.Contracts.Sessions;
using KerjaSama.Planning.Demo;
using KerjaSama.Planning.Contracts.Register;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Features.Consolidation;
using KerjaSama.Planning.Features.Dashboard;
using KerjaSama.Planning.Features.Exercises;
using KerjaSama.Planning.Features.Exports;
using KerjaSama.Planning.Features.Imports;
using KerjaSama.Planning.Features.Limits;
using KerjaSama.Planning.Features.Live;
using KerjaSama.Planning.Features.Monitor;
using KerjaSama.Planning.Features.Replay;
using KerjaSama.Planning.Features.Review;
using KerjaSama.Planning.Lifecycle;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Live.Hub;
using KerjaSama.Planning.Monitor;
using KerjaSama.Planning.Persistence;
using KerjaSama.Planning.Register;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Planning;

/// <summary>
/// Mapping exercises and their matrix, the live mapping sessions that edit it (Orleans grains and the
/// <c>/hubs/mapping</c> hub), review, lifecycle and the decree annex.
/// </summary>
public sealed class PlanningModule : IModule
{
    public string Name => PlanningDb.SchemaName;

    public IEnumerable<NavItem> Navigation =>
    [
        new("/planning", "Pemetaan", "Mapping", 30),
        new("/planning/consolidation", "Konsolidasi", "Consolidation", 31),
    ];

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<PlanningDb, SqlitePlanningDb, PostgreSqlPlanningDb, SqlServerPlanningDb>(PlanningDb.SchemaName);
        builder.Services.AddIntegrationEvents();
        builder.Services.AddSingleton<IMappingExerciseDirectory, MappingExerciseDirectory>();
        builder.Services.AddSingleton<IPlanningRows, PlanningRows>();
        builder.Services.AddSingleton<IAgreedRows, AgreedRows>();
        builder.Services.AddSingleton<MatrixStore>();
        builder.Services.AddSingleton<Consolidation.RoundTripPreviews>();
        builder.Services.AddSingleton<IPlanningRowStatus, PlanningRowStatus>();
        builder.Services.AddIntegrationEventHandler<KerjaSama.Partners.Contracts.OfferSent, PartnerEventHandlers>();
        builder.Services.AddIntegrationEventHandler<KerjaSama.Partners.Contracts.AgreementSigned, PartnerEventHandlers>();
        builder.Services.AddHostedService<DemoExerciseSeeder>();
        builder.Services.AddSingleton<SessionDirectory>();
        builder.Services.AddSingleton<MatrixGrains>();
        builder.Services.AddSingleton<LiveMetrics>();
        builder.Services.AddSingleton<Exercises.ExerciseAccess>();
        builder.Services.AddSingleton<MatrixFanout>();
        builder.Services.AddOptions<LiveGuardOptions>().BindConfiguration(LiveGuardOptions.Section)
            .Validate(o => o.RevalidateSeconds is > 0 and <= 5 && o.SubmitsPerSecond > 0 && o.SubmitBurst > 0,
                $"{LiveGuardOptions.Section}: RevalidateSeconds must be in (0, 5]; SubmitsPerSecond and SubmitBurst positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<LiveConnectionGuard>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveConnectionGuard>());
        builder.Services.AddSingleton<PresenceEvents>();
        builder.Services.AddSingleton<ILiveSessionControl, LiveSessionControl>();
        builder.Services.AddSingleton<IMatrixContributions, MatrixContributions>();
        builder.Services.AddSingleton<IVoteResults, Live.Facilitation.VoteResults>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MatrixFanout>());
        builder.Services.AddSingleton<MonitorQueries>();
        builder.Services.AddSingleton<MonitorFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MonitorFeed>());
        AddLimits(builder.Services);
    }

    // Issue 16: bounded imports, a bounded rejected-op cache and a per-user limit on REST ops (docs/consolidation.md).
    private static void AddLimits(IServiceCollection services)
    {
        services.AddOptions<SpreadsheetLimits>().BindConfiguration(SpreadsheetLimits.Section)
            .Validate(l => l.MaxUncompressedBytes > 0 && l.MaxEntries > 0 && l.MaxRows > 0 && l.MaxColumns is > 0 and <= SpreadsheetLimits.ExcelColumns,
                $"{SpreadsheetLimits.Section}: every limit must be positive, MaxColumns at most {SpreadsheetLimits.ExcelColumns}.")
            .ValidateOnStart();
        services.AddOptions<RejectedOpsOptions>().BindConfiguration(RejectedOpsOptions.Section)
            .Validate(o => o.Capacity > 0, $"{RejectedOpsOptions.Section}:Capacity must be positive.").ValidateOnStart();
        services.AddOptions<RestOpsLimitOptions>().BindConfiguration(RestOpsLimitOptions.Section)
            .Validate(o => o.PermitLimit > 0 && o.WindowSeconds > 0, $"{RestOpsLimitOptions.Section}: PermitLimit and WindowSeconds must be positive.")
            .ValidateOnStart();
        services.AddSingleton<RestOpLimiter>();
    }

    public void MapHubs(IEndpointRouteBuilder app)
    {
        app.MapHub<MappingHub>(Contracts.Live.HubNames.Path, o => o.CloseOnAuthenticationExpiration = true);
        app.MapHub<MonitorHub>(Contracts.Monitor.MonitorHubNames.Path, o => o.CloseOnAuthenticationExpiration = true);
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        // Every Planning write (row ops, consolidation, review, import, sessions) counts against the caller's REST limit.
        api.RequireRestOpLimit();
        ExerciseEndpoints.Map(api);
        LiveEndpoints.Map(api);
        MonitorEndpoints.Map(api);
        ConsolidationEndpoints.Map(api);
        BulkStatusEndpoint.Map(api);
        ReviewEndpoints.Map(api);
        ExportEndpoints.Map(api);
        DocumentEndpoints.Map(api);
        ImportEndpoint.Map(api);
        RoundTripEndpoints.Map(api);
        DashboardEndpoints.Map(api);
        UiActions.Map(api);
        Features.Talk.TalkEndpoints.Map(api);
        ReplayEndpoints.Map(api);
    }
}
