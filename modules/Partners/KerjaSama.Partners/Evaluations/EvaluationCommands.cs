using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Security;
using KerjaSama.Partners.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Partners.Evaluations;

internal sealed record CreateEvaluationRequest(string? Period, int? Rating, string? Recommendation, string? Findings);

internal sealed record EvaluationDto(Guid Id, string Period, string ReporterKind, Guid ReporterOrganisationId, int Rating, string Recommendation,
    string Findings, DateTimeOffset ReportedAt);

/// <summary>Monitoring and evaluation reports by the responsible agency, a partner party or the secretariat.</summary>
internal sealed class EvaluationCommands(PartnersDb db, [FromKeyedServices(PartnersClock.Key)] TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Recommendations = ["continue", "expand", "stop"];

    public async Task<Outcome<EvaluationDto>> CreateAsync(Caller caller, Guid agreementId, CreateEvaluationRequest r, CancellationToken ct)
    {
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Parties).VisibleTo(caller).FirstOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null)
            return Outcome<EvaluationDto>.Fail(StatusCodes.Status404NotFound, "agreement_not_found", "No agreement with this id is shared with you.");
        var kind = caller.Role == PlatformRoles.SecretariatAdmin ? "secretariat"
            : caller.Role == PlatformRoles.PartnerContributor && agreement.Parties.Any(p => p.OrganisationId == caller.OrganisationId) ? "partner"
            : caller.Role == PlatformRoles.AgencyContributor && agreement.ResponsibleAgencyId == caller.OrganisationId ? "agency"
            : null;
        if (kind is null)
            return Outcome<EvaluationDto>.Fail(StatusCodes.Status403Forbidden, "evaluation_not_allowed",
                "Reports come from the responsible agency, a partner party or the secretariat.");
        var v = new Validator()
            .Require(nameof(r.Period), r.Period, 20)
            .Check(r.Rating is >= 1 and <= 5, nameof(r.Rating), Msg.Of("rating_range"))
            .Check(r.Recommendation is not null && Recommendations.Contains(r.Recommendation), nameof(r.Recommendation), Msg.Of("recommendation_one_of"))
            .Require(nameof(r.Findings), r.Findings, 4000);
        if (!v.IsValid)
            return Outcome<EvaluationDto>.Invalid(v);
        var report = new EvaluationReport
        {
            Id = Guid.CreateVersion7(), AgreementId = agreementId, Period = r.Period!.Trim(), ReporterKind = kind, ReporterOrganisationId = caller.OrganisationId,
            ReportedBy = caller.UserId, Rating = r.Rating!.Value, Recommendation = r.Recommendation!, Findings = r.Findings!.Trim(), ReportedAt = clock.GetUtcNow(),
        };
        db.Evaluations.Add(report);
        await db.SaveChangesAsync(ct);
        return ToDto(report);
    }

    public async Task<IReadOnlyList<EvaluationDto>?> ListAsync(Caller caller, Guid agreementId, CancellationToken ct)
    {
        if (!await db.Agreements.VisibleTo(caller).AnyAsync(a => a.Id == agreementId, ct))
            return null;
        var reports = await db.Evaluations.AsNoTracking().Where(e => e.AgreementId == agreementId).ToListAsync(ct);
        return [.. reports.OrderByDescending(e => e.ReportedAt).Select(ToDto)];
    }

    private static EvaluationDto ToDto(EvaluationReport e) =>
        new(e.Id, e.Period, e.ReporterKind, e.ReporterOrganisationId, e.Rating, e.Recommendation, e.Findings, e.ReportedAt);
}
