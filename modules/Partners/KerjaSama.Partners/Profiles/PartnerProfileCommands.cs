using KerjaSama.Partners.Contracts;
using KerjaSama.Partners.Features.Partners;
using KerjaSama.Partners.Persistence;
using KerjaSama.Registry.Contracts;
using KerjaSama.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using KerjaSama.Modularity.Http;

namespace KerjaSama.Partners.Profiles;

/// <summary>Reads and saves a partner's profile; shared by the API and the secretariat's profile form.</summary>
internal sealed class PartnerProfileCommands(PartnersDb db, IOrganisationDirectory organisations, IIntegrationEventPublisher events,
    TimeProvider clock)
{
    public const string NotFound = "partner_not_found";
    public const string VersionConflict = ProblemCodes.VersionConflict;

    public async Task<Outcome<PartnerDto>> GetAsync(Guid organisationId, CancellationToken ct)
    {
        var organisation = await organisations.FindAsync(organisationId, ct);
        if (organisation is null || !organisation.IsPartner)
            return Missing(organisationId);
        var profile = await db.Profiles.AsNoTracking().Include(p => p.Contacts).FirstOrDefaultAsync(p => p.OrganisationId == organisationId, ct);
        return ToDto(organisation, profile);
    }

    public async Task<Outcome<PartnerDto>> SaveAsync(Guid organisationId, UpdatePartnerRequest request, CancellationToken ct)
    {
        var organisation = await organisations.FindAsync(organisationId, ct);
        if (organisation is null || !organisation.IsPartner)
            return Missing(organisationId);
        var v = PartnerProfileRules.Validate(request);
        if (!v.IsValid)
            return Outcome<PartnerDto>.Invalid(v);

        var profile = await db.Profiles.Include(p => p.Contacts).FirstOrDefaultAsync(p => p.OrganisationId == organisationId, ct);
        if (profile is null)
        {
            if (request.Version is not (null or 0))
                return Outcome<PartnerDto>.Fail(StatusCodes.Status409Conflict, VersionConflict, "This partner has no saved profile yet; send version 0.");
            profile = new PartnerProfile { OrganisationId = organisationId };
            db.Profiles.Add(profile);
        }
        else
        {
            db.ExpectVersion(profile, request.Version ?? -1);
        }

        profile.Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
        profile.Contacts.Clear();
        profile.Contacts.AddRange((request.Contacts ?? []).Select(c => new PartnerContact
        {
            Id = Guid.CreateVersion7(), Name = c.Name!.Trim(), Position = c.Position?.Trim(), Email = c.Email?.Trim(),
            Phone = c.Phone?.Trim(), IsPrimary = c.IsPrimary,
        }));
        profile.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || profile.Version <= 1)
        {
            return Outcome<PartnerDto>.Fail(StatusCodes.Status409Conflict, VersionConflict,
                "Someone else changed this partner since you read it. Reload, then apply your change again.");
        }

        await events.PublishAsync(new PartnerProfileUpdated(organisationId, profile.UpdatedAt), ct);
        return ToDto(organisation, profile);
    }

    private static Outcome<PartnerDto> Missing(Guid organisationId) =>
        Outcome<PartnerDto>.Fail(StatusCodes.Status404NotFound, NotFound, $"No partner organisation has the id {organisationId}.");

    private static PartnerDto ToDto(OrganisationInfo organisation, PartnerProfile? profile) =>
        new(organisation.Id, organisation.Code, organisation.Name, organisation.Kind, organisation.RegionCode, profile?.Notes,
            [.. (profile?.Contacts ?? []).OrderByDescending(c => c.IsPrimary).Select(c => new ContactDto(c.Name, c.Position, c.Email, c.Phone, c.IsPrimary))],
            profile?.Version ?? 0);
}
