using KerjaSama.Registry.Contracts;
using KerjaSama.Registry.Organisations;
using KerjaSama.Registry.Persistence;
using KerjaSama.SharedKernel;
using Microsoft.EntityFrameworkCore;
using KerjaSama.Modularity.Localization;

namespace KerjaSama.Registry.Features.Organisations;

/// <summary>The outcome of a write: the organisation, field errors, or a named failure (not found, version conflict).</summary>
internal sealed record OrganisationOutcome(Organisation? Organisation, IDictionary<string, string[]>? Errors = null, string? Failure = null)
{
    public const string NotFound = "organisation_not_found";
    public const string VersionConflict = "version_conflict";
}

/// <summary>Create, update and deactivate, shared by the API and the secretariat's pages.</summary>
internal sealed class OrganisationCommands(RegistryDb db, IIntegrationEventPublisher events, TimeProvider clock)
{
    public async Task<OrganisationOutcome> CreateAsync(OrganisationRequest request, CancellationToken ct)
    {
        var v = OrganisationRules.Validate(request, null, await OrganisationLookups.ForRequestAsync(db, request, ct));
        if (!v.IsValid)
            return new(null, v.ToDictionary());
        var org = new Organisation { Id = Guid.CreateVersion7(), Code = "", Name = "", Kind = "" };
        OrganisationRules.Apply(request, org);
        db.Organisations.Add(org);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new OrganisationRegistered(org.Id, org.Code, org.Name, org.Kind, clock.GetUtcNow()), ct);
        return new(org);
    }

    public async Task<OrganisationOutcome> UpdateAsync(Guid id, OrganisationRequest request, CancellationToken ct)
    {
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null)
            return new(null, Failure: OrganisationOutcome.NotFound);
        var v = OrganisationRules.Validate(request, id, await OrganisationLookups.ForRequestAsync(db, request, ct));
        v.Check(request.Version is not null, "Version", Msg.Of("version_required"));
        if (!v.IsValid)
            return new(null, v.ToDictionary());
        db.ExpectVersion(org, request.Version!.Value);
        OrganisationRules.Apply(request, org);
        return await SaveAsync(org, ct);
    }

    public async Task<OrganisationOutcome> DeactivateAsync(Guid id, CancellationToken ct)
    {
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null)
            return new(null, Failure: OrganisationOutcome.NotFound);
        if (!org.Active)
            return new(org);
        org.Active = false;
        return await SaveAsync(org, ct);
    }

    private async Task<OrganisationOutcome> SaveAsync(Organisation org, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new(org);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(null, Failure: OrganisationOutcome.VersionConflict);
        }
    }
}
