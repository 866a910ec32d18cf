using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Security;
using KerjaSama.Partners.Contracts;
using KerjaSama.Partners.Persistence;
using KerjaSama.Planning.Contracts.Register;
using KerjaSama.Registry.Contracts;
using KerjaSama.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KerjaSama.Partners.Agreements;

/// <summary>Recording agreements, amendments and extensions; used by the API and the pages.</summary>
internal sealed class AgreementCommands(PartnersDb db, IPlanningRows rows, IOrganisationDirectory organisations, IIntegrationEventPublisher events,
    IOptions<PartnersOptions> options, [FromKeyedServices(PartnersClock.Key)] TimeProvider clock)
{
    public async Task<Outcome<AgreementDto>> CreateAsync(Caller caller, CreateAgreementRequest r, CancellationToken ct)
    {
        var v = new Validator()
            .Check(r.Kind is not null && AgreementKinds.All.Contains(r.Kind), nameof(r.Kind), Msg.Of("one_of", string.Join(", ", AgreementKinds.All)))
            .Require(nameof(r.Number), r.Number, 100)
            .Check(r.Object is null || r.Object.Length <= 1000, nameof(r.Object), Msg.Of("max_length", 1000))
            .Check(r.StartsOn is not null, nameof(r.StartsOn), Msg.Of("required"))
            .Check(r.EndsOn is not null, nameof(r.EndsOn), Msg.Of("required"))
            .Check(r.Value is null or >= 0, nameof(r.Value), Msg.Of("not_negative"))
            .Check(r.DprdApprovalReference is null || r.DprdApprovalReference.Length <= 200, nameof(r.DprdApprovalReference), Msg.Of("max_length", 200))
            .Check(r.DurationExceptionLegalBasis is null || r.DurationExceptionLegalBasis.Length <= 500, nameof(r.DurationExceptionLegalBasis),
                Msg.Of("max_length", 500));
        if (r.StartsOn is { } start && r.EndsOn is { } end)
            AgreementRules.CheckDates(v, r.SignedOn, start, end, r.DurationExceptionLegalBasis);
        var parties = r.Parties ?? [];
        v.Check(parties.Count is >= 2 and <= 20, nameof(r.Parties), Msg.Of("parties_count"));
        v.Check(parties.Select(p => p.OrganisationId).Distinct().Count() == parties.Count, nameof(r.Parties), Msg.Of("organisation_once"));
        var partyIds = parties.Where(p => p.OrganisationId is not null).Select(p => p.OrganisationId!.Value).Distinct().ToArray();
        var found = partyIds.Length == 0 ? [] : await organisations.FindManyAsync(partyIds, ct);
        for (var i = 0; i < parties.Count; i++)
        {
            v.Check(parties[i].OrganisationId is { } id && found.Any(o => o.Id == id), $"Parties[{i}].OrganisationId", Msg.Of("not_an_organisation"));
            v.Require($"Parties[{i}].SignatoryName", parties[i].SignatoryName);
            v.Check(parties[i].Delegation is null || parties[i].Delegation!.Length <= 500, $"Parties[{i}].Delegation", Msg.Of("max_length", 500));
        }

        v.Check(found.Count == 0 || found.Any(o => o.IsPartner), nameof(r.Parties), Msg.Of("partner_party_required"));
        if (r.ResponsibleAgencyId is { } agencyId)
        {
            var agency = await organisations.FindAsync(agencyId, ct);
            v.Check(agency is { Kind: OrganisationKinds.Agency }, nameof(r.ResponsibleAgencyId), Msg.Of("not_an_agency"));
        }

        PlanningRowInfo? row = null;
        if (r.RowId is { } rowId)
            v.Check((row = await rows.FindAsync(rowId, ct)) is not null, nameof(r.RowId), Msg.Of("row_not_found"));
        if (r.OfferId is { } offerId)
        {
            var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId, ct);
            v.Check(offer is not null, nameof(r.OfferId), Msg.Of("offer_not_found"));
            v.Check(offer is null || r.RowId is null || offer.RowId == r.RowId, nameof(r.OfferId), Msg.Of("offer_other_row"));
        }

        if (r.Kind == AgreementKinds.CooperationAgreement && r.SignedOn is not null && r.DprdApprovalRequired
            && string.IsNullOrWhiteSpace(r.DprdApprovalReference))
        {
            v.Add(nameof(r.DprdApprovalReference), Msg.Of("dprd_reference_required"));
        }

        if (!v.IsValid)
            return Outcome<AgreementDto>.Invalid(v);
        if (await CheckParentAsync(r, ct) is { } parentError)
            return parentError;

        var agreement = new Agreement
        {
            Id = Guid.CreateVersion7(), Kind = r.Kind!, Number = r.Number!.Trim(),
            Object = string.IsNullOrWhiteSpace(r.Object) ? row?.CooperationObject ?? "" : r.Object.Trim(),
            AffairCode = string.IsNullOrWhiteSpace(r.AffairCode) ? row?.AffairCode : r.AffairCode.Trim(),
            ResponsibleAgencyId = r.ResponsibleAgencyId ?? row?.ResponsibleAgencyId, RowId = r.RowId, OfferId = r.OfferId,
            ParentAgreementId = r.ParentAgreementId, SignedOn = r.SignedOn, StartsOn = r.StartsOn!.Value, EndsOn = r.EndsOn!.Value, Value = r.Value,
            DprdApprovalRequired = r.DprdApprovalRequired, DprdApprovalReference = Trim(r.DprdApprovalReference),
            DurationExceptionLegalBasis = Trim(r.DurationExceptionLegalBasis), CreatedBy = caller.UserId, CreatedAt = clock.GetUtcNow(),
            Parties = [.. parties.Select((p, i) => new AgreementParty
            {
                Id = Guid.CreateVersion7(), Position = i, OrganisationId = p.OrganisationId!.Value, SignatoryName = p.SignatoryName!.Trim(),
                SignatoryPosition = Trim(p.SignatoryPosition), Delegation = Trim(p.Delegation),
            })],
        };
        if (string.IsNullOrEmpty(agreement.Object))
            return Outcome<AgreementDto>.Invalid(nameof(r.Object), Msg.Of("required"));
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        if (agreement.SignedOn is { } signed)
            await events.PublishAsync(new AgreementSigned(agreement.Id, agreement.RowId, agreement.Kind, signed, caller.UserId, agreement.CreatedAt), ct);
        return (await FindAsync(caller, agreement.Id, ct))!;
    }

    // No PKS without a signed KB (where the region requires one) and no RK without a signed NK.
    private async Task<Outcome<AgreementDto>?> CheckParentAsync(CreateAgreementRequest r, CancellationToken ct)
    {
        var parentKind = AgreementKinds.ParentOf(r.Kind!);
        var required = r.Kind == AgreementKinds.WorkPlan
            || (r.Kind == AgreementKinds.CooperationAgreement && options.Value.RequireJointAgreementBeforeCooperationAgreement);
        if (r.ParentAgreementId is not { } parentId)
        {
            return required
                ? Outcome<AgreementDto>.Invalid(nameof(r.ParentAgreementId), Msg.Of("parent_agreement_required", r.Kind, parentKind), $"{parentKind!.ToLowerInvariant()}_required")
                : null;
        }

        var parent = await db.Agreements.AsNoTracking().Include(a => a.Parties).FirstOrDefaultAsync(a => a.Id == parentId, ct);
        if (parent is null || parent.Kind != parentKind)
            return Outcome<AgreementDto>.Invalid(nameof(r.ParentAgreementId), parentKind is null ? Msg.Of("parent_agreement_unexpected") : Msg.Of("parent_agreement_not_found", parentKind), $"{(parentKind ?? "parent").ToLowerInvariant()}_required");
        if (parent.SignedOn is null || (r.SignedOn is { } signed && signed < parent.SignedOn))
        {
            return Outcome<AgreementDto>.Invalid(nameof(r.ParentAgreementId),
                Msg.Of("parent_agreement_not_signed", parentKind, r.Kind), $"{parentKind.ToLowerInvariant()}_not_signed");
        }

        var partnerIds = parent.Parties.Select(p => p.OrganisationId).ToHashSet();
        return (r.Parties ?? []).All(p => p.OrganisationId is { } id && partnerIds.Contains(id))
            ? null
            : Outcome<AgreementDto>.Invalid(nameof(r.Parties), $"The parties must be parties of the {parentKind}.", "parties_not_in_parent");
    }

    public async Task<Outcome<AgreementDto>> AddChangeAsync(Caller caller, Guid id, AddChangeRequest r, CancellationToken ct)
    {
        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null)
            return Outcome<AgreementDto>.Fail(StatusCodes.Status404NotFound, "agreement_not_found", "No agreement has this id.");
        var extension = r.Kind == "extension";
        var v = new Validator()
            .Check(r.Kind is "amendment" or "extension", nameof(r.Kind), Msg.Of("amendment_kind_one_of"))
            .Require(nameof(r.Number), r.Number, 100)
            .Require(nameof(r.Description), r.Description, 2000)
            .Check(r.SignedOn is not null, nameof(r.SignedOn), Msg.Of("required"))
            .Check(r.SignedOn is null || agreement.SignedOn is null || r.SignedOn >= agreement.SignedOn, nameof(r.SignedOn),
                Msg.Of("not_before_signing"))
            .Check(!extension || r.NewEndsOn is not null, nameof(r.NewEndsOn), Msg.Of("extension_end_required"))
            .Check(extension || r.NewEndsOn is null, nameof(r.NewEndsOn), Msg.Of("only_extension_moves_end"));
        if (extension && r.NewEndsOn is { } newEnd)
        {
            v.Check(newEnd > agreement.EndsOn, nameof(r.NewEndsOn), Msg.Of("after_current_end"));
            v.Check(newEnd <= agreement.EndsOn.AddYears(AgreementRules.MaxTermYears) || !string.IsNullOrWhiteSpace(r.DurationExceptionLegalBasis),
                nameof(r.NewEndsOn), Msg.Of("extension_too_long", AgreementRules.MaxTermYears));
        }

        if (!v.IsValid)
            return Outcome<AgreementDto>.Invalid(v);
        var change = new AgreementChange
        {
            Id = Guid.CreateVersion7(), AgreementId = id, Kind = r.Kind!, Number = r.Number!.Trim(), SignedOn = r.SignedOn!.Value,
            Description = r.Description!.Trim(), PreviousEndsOn = extension ? agreement.EndsOn : null, NewEndsOn = r.NewEndsOn,
            CreatedBy = caller.UserId, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(change);
        if (extension)
        {
            agreement.EndsOn = r.NewEndsOn!.Value;
            if (!string.IsNullOrWhiteSpace(r.DurationExceptionLegalBasis))
                agreement.DurationExceptionLegalBasis = r.DurationExceptionLegalBasis.Trim();
        }

        await db.SaveChangesAsync(ct);
        return (await FindAsync(caller, id, ct))!;
    }

    public async Task<IReadOnlyList<AgreementDto>> ListAsync(Caller caller, string? kind, Guid? partnerId, CancellationToken ct)
    {
        var query = db.Agreements.AsNoTracking().Include(a => a.Parties).VisibleTo(caller);
        if (!string.IsNullOrEmpty(kind))
            query = query.Where(a => a.Kind == kind);
        if (partnerId is { } p)
            query = query.Where(a => a.Parties.Any(x => x.OrganisationId == p));
        var list = await query.OrderBy(a => a.EndsOn).Take(1000).ToListAsync(ct);
        var names = await NamesAsync(list.SelectMany(a => a.Parties.Select(x => x.OrganisationId)), ct);
        return [.. list.Select(a => ToDto(a, names, [], []))];
    }

    public async Task<AgreementDto?> FindAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var a = await db.Agreements.AsNoTracking().Include(x => x.Parties).Include(x => x.Changes).VisibleTo(caller).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
            return null;
        var documents = await db.Documents.AsNoTracking().Where(d => d.AgreementId == id).OrderBy(d => d.Kind).ThenByDescending(d => d.Version).ToListAsync(ct);
        var names = await NamesAsync(a.Parties.Select(x => x.OrganisationId), ct);
        return ToDto(a, names, a.Changes, documents);
    }

    private async Task<Dictionary<Guid, OrganisationInfo>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToArray();
        return distinct.Length == 0 ? [] : (await organisations.FindManyAsync(distinct, ct)).ToDictionary(o => o.Id);
    }

    private AgreementDto ToDto(Agreement a, Dictionary<Guid, OrganisationInfo> orgs, List<AgreementChange> changes, List<AgreementDocument> documents)
    {
        var today = clock.Today();
        return new(a.Id, a.Kind, a.Number, a.Object, a.AffairCode, a.ResponsibleAgencyId, a.RowId, a.OfferId, a.ParentAgreementId, a.SignedOn,
            a.StartsOn, a.EndsOn, a.Value, a.DprdApprovalRequired, a.DprdApprovalReference, a.DurationExceptionLegalBasis,
            AgreementRules.State(a.SignedOn, a.StartsOn, a.EndsOn, today), AgreementRules.NextReminder(a.SignedOn, a.EndsOn, options.Value.Thresholds, today),
            [.. a.Parties.OrderBy(p => p.Position).Select(p => new PartyDto(p.OrganisationId, orgs.TryGetValue(p.OrganisationId, out var o) ? o.Name : p.OrganisationId.ToString(),
                o?.RegionCode, p.SignatoryName, p.SignatoryPosition, p.Delegation))],
            [.. changes.OrderBy(c => c.SignedOn).Select(c => new ChangeDto(c.Id, c.Kind, c.Number, c.SignedOn, c.Description, c.PreviousEndsOn, c.NewEndsOn))],
            [.. documents.Select(d => new DocumentDto(d.Id, d.Kind, d.Version, d.FileName, d.Size, d.Sha256, d.UploadedAt))]);
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
