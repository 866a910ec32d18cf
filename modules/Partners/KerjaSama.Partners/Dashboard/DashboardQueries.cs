using KerjaSama.Partners.Agreements;
using KerjaSama.Partners.Persistence;
using KerjaSama.Registry.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KerjaSama.Partners.Dashboard;

internal sealed record DashboardRow(Guid Id, string Kind, string Number, string Object, string? AffairCode, string Partners, string? PartnerRegions,
    DateOnly? SignedOn, DateOnly StartsOn, DateOnly EndsOn, decimal? Value, string? DprdApprovalReference, string State, DateOnly? NextReminderOn,
    string? LastRecommendation);

internal sealed record DashboardCount(string Key, string Label, int Active, int Expiring, int Ended, int Draft);

internal sealed record PartnerRegion(string RegionCode, string OrganisationName, Guid OrganisationId, IReadOnlyList<DashboardRow> Agreements);

internal sealed record DashboardDto(DateOnly Today, int Active, int Expiring, int Ended, int Draft, IReadOnlyList<DashboardCount> ByKind,
    IReadOnlyList<DashboardCount> ByAffair, IReadOnlyList<DashboardCount> ByPartner, IReadOnlyList<PartnerRegion> Regions,
    IReadOnlyList<DashboardRow> Agreements);

/// <summary>The secretariat's overview of every agreement as of the module's clock.</summary>
internal sealed class DashboardQueries(PartnersDb db, IOrganisationDirectory organisations, IOptions<PartnersOptions> options,
    [FromKeyedServices(PartnersClock.Key)] TimeProvider clock)
{
    public async Task<DashboardDto> GetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var agreements = await db.Agreements.AsNoTracking().Include(a => a.Parties).OrderBy(a => a.EndsOn).Take(5000).ToListAsync(ct);
        var evaluations = (await db.Evaluations.AsNoTracking().Select(e => new { e.AgreementId, e.Recommendation, e.ReportedAt }).ToListAsync(ct))
            .GroupBy(e => e.AgreementId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.ReportedAt)!.Recommendation);
        var orgIds = agreements.SelectMany(a => a.Parties.Select(p => p.OrganisationId)).Distinct().ToArray();
        var orgs = orgIds.Length == 0 ? [] : (await organisations.FindManyAsync(orgIds, ct)).ToDictionary(o => o.Id);
        var rows = agreements.Select(a =>
        {
            var partners = a.Parties.Select(p => orgs.GetValueOrDefault(p.OrganisationId)).Where(o => o is { IsPartner: true }).Select(o => o!).ToList();
            return (Agreement: a, Partners: partners, Row: new DashboardRow(a.Id, a.Kind, a.Number, a.Object, a.AffairCode,
                string.Join("; ", partners.Select(o => o.Name)), string.Join("; ", partners.Select(o => o.RegionCode).OfType<string>()),
                a.SignedOn, a.StartsOn, a.EndsOn, a.Value, a.DprdApprovalReference, AgreementRules.State(a.SignedOn, a.StartsOn, a.EndsOn, today),
                AgreementRules.NextReminder(a.SignedOn, a.EndsOn, options.Value.Thresholds, today), evaluations.GetValueOrDefault(a.Id)));
        }).ToList();

        static DashboardCount Count(string key, string label, IEnumerable<DashboardRow> rs)
        {
            var list = rs.ToList();
            // "active" counts every running agreement, including those expiring within 90 days.
            return new(key, label, list.Count(r => r.State is "active" or "expiring"), list.Count(r => r.State == "expiring"),
                list.Count(r => r.State == "ended"), list.Count(r => r.State is "draft" or "signed"));
        }

        var all = Count("all", "all", rows.Select(r => r.Row));
        var byPartner = rows.SelectMany(r => r.Partners.Select(p => (Partner: p, r.Row))).GroupBy(x => x.Partner.Id)
            .Select(g => Count(g.Key.ToString(), g.First().Partner.Name, g.Select(x => x.Row))).OrderBy(c => c.Label).ToList();
        var regions = rows.SelectMany(r => r.Partners.Where(p => p.Kind == OrganisationKinds.Government && p.RegionCode is not null)
                .Select(p => (Partner: p, r.Row)))
            .GroupBy(x => x.Partner.Id)
            .Select(g => new PartnerRegion(g.First().Partner.RegionCode!, g.First().Partner.Name, g.Key, [.. g.Select(x => x.Row)]))
            .OrderBy(r => r.RegionCode, StringComparer.Ordinal).ToList();
        return new DashboardDto(today, all.Active, all.Expiring, all.Ended, all.Draft,
            [.. rows.GroupBy(r => r.Row.Kind).Select(g => Count(g.Key, g.Key, g.Select(x => x.Row))).OrderBy(c => c.Key, StringComparer.Ordinal)],
            [.. rows.GroupBy(r => r.Row.AffairCode ?? "-").Select(g => Count(g.Key, g.Key, g.Select(x => x.Row))).OrderBy(c => c.Key, StringComparer.Ordinal)],
            byPartner, regions, [.. rows.Select(r => r.Row)]);
    }
}
