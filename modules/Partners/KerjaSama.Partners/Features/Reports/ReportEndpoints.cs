using KerjaSama.Modularity.Csv;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Security;
using KerjaSama.Partners.Dashboard;
using KerjaSama.Partners.Persistence;
using KerjaSama.Partners.Reminders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Partners.Features.Reports;

internal static class ReportEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder api)
    {
        var dashboard = api.MapGroup("/dashboard").WithTags("Dashboard").RequireAuthorization(Policies.Facilitator);
        dashboard.MapGet("/", async (DashboardQueries q, CancellationToken ct) => TypedResults.Ok(await q.GetAsync(ct)));
        dashboard.MapGet("/export.xlsx", async (DashboardQueries q, CancellationToken ct) =>
            TypedResults.File(await DashboardExport.XlsxAsync(await q.GetAsync(ct), Messages.Current, ct), XlsxType, "kerja-sama-daerah.xlsx"));
        dashboard.MapGet("/yearly/{year:int}.csv", async (int year, DashboardQueries q, CancellationToken ct) =>
            year is < 2000 or > 2100
                ? Results.NotFound()
                : TypedResults.File(CsvFile.Utf8WithBom(DashboardExport.YearlyCsv(await q.GetAsync(ct), year)),
                    "text/csv; charset=utf-8", $"ringkasan-kerja-sama-{year}.csv"));

        api.MapPost("/reminders/run", async (ReminderScheduler scheduler, CancellationToken ct) =>
                TypedResults.Ok(new { fired = await scheduler.RunOnceAsync(ct), host = scheduler.HostId }))
            .WithTags("Reminders").RequireAuthorization(Policies.Secretariat);
        api.MapGet("/notifications", async (PartnersDb db, HttpContext http, CancellationToken ct) =>
            {
                var caller = Caller.From(http.User)!;
                var secretariat = caller.CanFacilitate;
                var list = await db.Notifications.AsNoTracking()
                    .Where(n => n.OrganisationId == caller.OrganisationId || (secretariat && n.OrganisationId == null))
                    .OrderByDescending(n => n.CreatedAt).Take(200)
                    .Select(n => new { n.Id, n.AgreementId, n.ThresholdDays, n.Title, n.Body, n.CreatedAt, ForSecretariat = n.OrganisationId == null })
                    .ToListAsync(ct);
                return TypedResults.Ok(list);
            })
            .WithTags("Reminders").RequireAuthorization(Policies.Member);
    }
}
