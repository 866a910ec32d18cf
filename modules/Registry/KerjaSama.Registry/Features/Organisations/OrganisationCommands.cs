using KerjaSama.Registry.Contracts;
using KerjaSama.Registry.Organisations;
using KerjaSama.Registry.Persistence;
using KerjaSama.SharedKernel;
using Microsoft.EntityFrameworkCore;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using Microsoft.AspNetCore.Http;

namespace KerjaSama.Registry.Features.Organisations;

/// <summary>
/// Create, update and deactivate, shared by the API and the secretariat's pages: each answers the organisation, field
/// errors, or a coded failure (<c>organisation_not_found</c>, <c>version_conflict</c>) as an <see cref="Outcome{T}"/>.
/// </summary>
internal sealed class OrganisationCommands(RegistryDb db, IIntegrationEventPublisher events, TimeProvider clock)
{
    public const string NotFound = "organisation_not_found";

    public async Task<Outcome<Organisation>> CreateAsync(OrganisationRequest request, CancellationToken ct)
    {
        var v = OrganisationRules.Validate(request, null, await OrganisationLookups.ForRequestAsync(db, request, ct));
        if (!v.IsValid)
            return Outcome<Organisation>.Invalid(v);
        var org = new Organisation { Id = Guid.CreateVersion7(), Code = "", Name = "", Kind = "" };
        OrganisationRules.Apply(request, org);
        db.Organisations.Add(org);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new OrganisationRegistered(org.Id, org.Code, org.Name, org.Kind, clock.GetUtcNow()), ct);
        return org;
    }

    public async Task<Outcome<Organisation>> UpdateAsync(Guid id, OrganisationRequest request, CancellationToken ct)
    {
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null)
            return Missing(id);
        var v = OrganisationRules.Validate(request, id, await OrganisationLookups.ForRequestAsync(db, request, ct));
        v.Check(request.Version is not null, "Version", Msg.Of("version_required"));
        if (!v.IsValid)
            return Outcome<Organisation>.Invalid(v);
        db.ExpectVersion(org, request.Version!.Value);
        OrganisationRules.Apply(request, org);
        return await SaveAsync(org, ct);
    }

    public async Task<Outcome<Organisation>> DeactivateAsync(Guid id, CancellationToken ct)
    {
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null)
            return Missing(id);
        if (!org.Active)
            return org;
        org.Active = false;
        return await SaveAsync(org, ct);
    }

    private async Task<Outcome<Organisation>> SaveAsync(Organisation org, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return org;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Organisation>.Fail(StatusCodes.Status409Conflict, ProblemCodes.VersionConflict,
                "Someone else changed this organisation since you read it. Reload it, then apply your change again.");
        }
    }

    private static Outcome<Organisation> Missing(Guid id) =>
        Outcome<Organisation>.Fail(StatusCodes.Status404NotFound, NotFound, $"No organisation has the id {id}.");
}
