using System.Net.Mail;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Security;
using KerjaSama.Partners.Agreements;
using KerjaSama.Partners.Contracts;
using KerjaSama.Partners.Offers;
using KerjaSama.Partners.Persistence;
using KerjaSama.Registry.Contracts;
using KerjaSama.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Partners.Features;

internal static class PartnerEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partners").WithTags("Partners").RequireAuthorization(Policies.Member);
        group.MapGet("/{organisationId:guid}", Get).WithName("GetPartner");
        group.MapGet("/{organisationId:guid}/history", History).WithName("GetPartnerHistory");
        group.MapPut("/{organisationId:guid}", Update).WithName("UpdatePartner").RequireAuthorization(Policies.Secretariat);
    }

    private static async Task<Results<Ok<PartnerDto>, ProblemHttpResult>> Get(Guid organisationId, PartnersDb db,
        IOrganisationDirectory organisations, HttpContext context, CancellationToken ct)
    {
        // The secretariat sees every partner; any other organisation only its own profile.
        if (!Access.SeesProfile(Caller.From(context.User)!, organisationId))
            return Problems.Forbidden("partner_not_shared", "Only the secretariat and the partner itself read a partner's profile.");
        var organisation = await organisations.FindAsync(organisationId, ct);
        if (organisation is null || !organisation.IsPartner)
            return Problems.NotFound("partner_not_found", $"No partner organisation has the id {organisationId}.");
        var profile = await db.Profiles.AsNoTracking().Include(p => p.Contacts).FirstOrDefaultAsync(p => p.OrganisationId == organisationId, ct);
        return TypedResults.Ok(ToDto(organisation, profile));
    }

    private static async Task<Results<Ok<PartnerDto>, ValidationProblem, ProblemHttpResult>> Update(Guid organisationId,
        UpdatePartnerRequest request, PartnersDb db, IOrganisationDirectory organisations, IIntegrationEventPublisher events,
        TimeProvider clock, CancellationToken ct)
    {
        var organisation = await organisations.FindAsync(organisationId, ct);
        if (organisation is null || !organisation.IsPartner)
            return Problems.NotFound("partner_not_found", $"No partner organisation has the id {organisationId}.");
        var v = Validate(request);
        if (!v.IsValid)
            return Problems.Validation(v.ToDictionary());

        var profile = await db.Profiles.Include(p => p.Contacts).FirstOrDefaultAsync(p => p.OrganisationId == organisationId, ct);
        if (profile is null)
        {
            profile = new PartnerProfile { OrganisationId = organisationId };
            db.Profiles.Add(profile);
            if (request.Version is not (null or 0))
                return Problems.Conflict("version_conflict", "This partner has no saved profile yet; send version 0.");
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
            return Problems.Conflict("version_conflict", "Someone else changed this partner since you read it. Reload, then apply your change again.");
        }

        await events.PublishAsync(new PartnerProfileUpdated(organisationId, profile.UpdatedAt), ct);
        return TypedResults.Ok(ToDto(organisation, profile));
    }

    // Offers addressed to the partner and agreements it is a party of, newest first; a partner reads only its own.
    private static async Task<IResult> History(Guid organisationId, OfferCommands offers, AgreementCommands agreements, HttpContext context,
        CancellationToken ct)
    {
        var caller = Caller.From(context.User)!;
        if (!Access.SeesProfile(caller, organisationId))
            return Problems.Forbidden("partner_not_shared", "Only the secretariat and the partner itself read a partner's history.");
        return TypedResults.Ok(new
        {
            offers = await offers.ListAsync(caller, organisationId, ct),
            agreements = await agreements.ListAsync(caller, null, organisationId, ct),
        });
    }

    private static Validator Validate(UpdatePartnerRequest request)
    {
        var v = new Validator().Check(request.Notes is null || request.Notes.Length <= 4000, nameof(request.Notes), Msg.Of("max_length", 4000));
        var contacts = request.Contacts ?? [];
        v.Check(contacts.Count <= 20, nameof(request.Contacts), Msg.Of("contacts_count"));
        v.Check(contacts.Count(c => c.IsPrimary) == 1, nameof(request.Contacts), Msg.Of("one_primary_contact"));
        v.Check(contacts.Any(c => !c.IsPrimary), nameof(request.Contacts), Msg.Of("secondary_contact_required"));
        for (var i = 0; i < contacts.Count; i++)
        {
            var c = contacts[i];
            v.Require($"Contacts[{i}].Name", c.Name);
            v.Check(c.Email is null || MailAddress.TryCreate(c.Email, out _), $"Contacts[{i}].Email", Msg.Of("email_invalid"));
            v.Check(c.Phone is null || (c.Phone.Length <= 40 && c.Phone.All(ch => char.IsDigit(ch) || ch is '+' or ' ' or '-' or '(' or ')')),
                $"Contacts[{i}].Phone", Msg.Of("phone_format"));
        }

        return v;
    }

    private static PartnerDto ToDto(OrganisationInfo organisation, PartnerProfile? profile) =>
        new(organisation.Id, organisation.Code, organisation.Name, organisation.Kind, organisation.RegionCode, profile?.Notes,
            [.. (profile?.Contacts ?? []).OrderByDescending(c => c.IsPrimary).Select(c => new ContactDto(c.Name, c.Position, c.Email, c.Phone, c.IsPrimary))],
            profile?.Version ?? 0);
}
