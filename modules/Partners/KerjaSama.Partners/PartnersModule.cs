using KerjaSama.Modularity;
using KerjaSama.Modularity.Events;
using KerjaSama.Modularity.Persistence;
using KerjaSama.Partners.Agreements;
using KerjaSama.Partners.Dashboard;
using KerjaSama.Partners.Evaluations;
using KerjaSama.Partners.Features.Agreements;
using KerjaSama.Partners.Features.Offers;
using KerjaSama.Partners.Features.Partners;
using KerjaSama.Partners.Features.Reports;
using KerjaSama.Partners.Offers;
using KerjaSama.Partners.Persistence;
using KerjaSama.Partners.Profiles;
using KerjaSama.Partners.Reminders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KerjaSama.Partners;

/// <summary>Relationship data of partner organisations, offers, joint (KB) and cooperation (PKS) agreements.</summary>
public sealed class PartnersModule : IModule
{
    public string Name => PartnersDb.SchemaName;

    public IEnumerable<NavItem> Navigation =>
    [
        new("/partners", "Mitra", "Partners", 20),
        new("/partners/offers", "Penawaran", "Offers", 21),
        new("/partners/agreements", "Perjanjian", "Agreements", 22),
        new("/partners/sso", "SSO mitra", "Partner sign-on", 23),
    ];

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<PartnersDb, SqlitePartnersDb, PostgreSqlPartnersDb, SqlServerPartnersDb>(PartnersDb.SchemaName);
        builder.Services.AddIntegrationEvents();
        builder.Services.AddOptions<PartnersOptions>().BindConfiguration(PartnersOptions.Section)
            .Validate(o => o.MaxDocumentBytes > 0 && o.ReminderPollSeconds > 0 && (o.ReminderDays ?? []).All(d => d is >= 0 and <= 3650),
                "KerjaSama:Partners: MaxDocumentBytes and ReminderPollSeconds must be positive, ReminderDays between 0 and 3650.")
            .ValidateOnStart();
        builder.Services.TryAddKeyedSingleton<TimeProvider>(PartnersClock.Key, (sp, _) => sp.GetRequiredService<TimeProvider>());
        builder.Services.AddSingleton<PartnersPaths>();
        builder.Services.AddScoped<PartnerProfileCommands>();
        builder.Services.AddScoped<OfferCommands>();
        builder.Services.AddScoped<AgreementCommands>();
        builder.Services.AddScoped<DocumentStore>();
        builder.Services.AddScoped<EvaluationCommands>();
        builder.Services.AddScoped<DashboardQueries>();
        builder.Services.AddSingleton<ReminderScheduler>();
        builder.Services.AddHostedService<ReminderService>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        PartnerEndpoints.Map(api);
        OfferEndpoints.Map(api);
        AgreementEndpoints.Map(api);
        ReportEndpoints.Map(api);
    }
}
