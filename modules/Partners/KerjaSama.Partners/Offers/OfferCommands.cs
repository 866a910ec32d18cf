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

namespace KerjaSama.Partners.Offers;

/// <summary>Offers from adopted rows and the partners' answers; used by the API and the pages.</summary>
internal sealed class OfferCommands(PartnersDb db, IPlanningRows rows, IOrganisationDirectory organisations, IIntegrationEventPublisher events,
    [FromKeyedServices(PartnersClock.Key)] TimeProvider clock)
{
    public const int MaxYears = 5;

    public async Task<Outcome<OfferDto>> CreateAsync(Caller caller, CreateOfferRequest request, CancellationToken ct)
    {
        var v = new Validator()
            .Check(request.RowId is not null, nameof(request.RowId), Msg.Of("required"))
            .Require(nameof(request.LetterNumber), request.LetterNumber, 100)
            .Check(request.LetterDate is not null, nameof(request.LetterDate), Msg.Of("required"))
            .Require(nameof(request.Signatory), request.Signatory)
            .Check(request.Object is null || request.Object.Length <= 1000, nameof(request.Object), Msg.Of("max_length", 1000))
            .Check(request.ProposedForm is not null && OfferAnswers.Forms.Contains(request.ProposedForm), nameof(request.ProposedForm),
                Msg.Of("one_of", string.Join(", ", OfferAnswers.Forms)))
            .Check(request.DurationYears is >= 1 and <= MaxYears, nameof(request.DurationYears), Msg.Of("years_range", MaxYears));
        var partnerIds = (request.PartnerOrganisationIds ?? []).Distinct().ToArray();
        v.Check(partnerIds.Length is >= 1 and <= 50, nameof(request.PartnerOrganisationIds), Msg.Of("partner_organisations_count"));
        var found = partnerIds.Length == 0 ? [] : await organisations.FindManyAsync(partnerIds, ct);
        foreach (var id in partnerIds)
        {
            v.Check(found.Any(o => o.Id == id && o.IsPartner && o.Active), nameof(request.PartnerOrganisationIds),
                Msg.Of("not_a_partner_organisation", id));
        }

        if (!v.IsValid)
            return Outcome<OfferDto>.Invalid(v);
        var row = await rows.FindAsync(request.RowId!.Value, ct);
        if (row is null)
            return Outcome<OfferDto>.Invalid(nameof(request.RowId), Msg.Of("row_not_found"), "row_not_found");
        if (!row.CanBeOffered)
        {
            return Outcome<OfferDto>.Invalid(nameof(request.RowId),
                $"Only rows integrated into the RPJMD/RKPD (terintegrasi_rpjmd_rkpd) or already offered can be offered; this row is '{row.Status}'.",
                "row_not_ready_for_offer");
        }

        var obj = string.IsNullOrWhiteSpace(request.Object) ? row.CooperationObject : request.Object.Trim();
        if (string.IsNullOrWhiteSpace(obj))
            return Outcome<OfferDto>.Invalid(nameof(request.Object), Msg.Of("offer_object_required"));
        var offer = new Offer
        {
            Id = Guid.CreateVersion7(), RowId = row.RowId, ExerciseId = row.ExerciseId, AffairCode = row.AffairCode,
            ResponsibleAgencyId = row.ResponsibleAgencyId, LetterNumber = request.LetterNumber!.Trim(), LetterDate = request.LetterDate!.Value,
            Signatory = request.Signatory!.Trim(), Object = obj, ProposedForm = request.ProposedForm!, DurationYears = request.DurationYears!.Value,
            CreatedBy = caller.UserId, CreatedAt = clock.GetUtcNow(),
            Recipients = [.. partnerIds.Select(id => new OfferRecipient { OrganisationId = id })],
        };
        db.Offers.Add(offer);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new OfferSent(offer.Id, offer.RowId, partnerIds, offer.LetterDate, caller.UserId, offer.CreatedAt), ct);
        return await ToDtoAsync(offer, caller, ct);
    }

    public async Task<Outcome<OfferDto>> AnswerAsync(Caller caller, Guid offerId, AnswerOfferRequest request, CancellationToken ct)
    {
        // Another organisation's offer is "not found": a partner learns nothing about offers to others.
        var offer = await db.Offers.AsNoTracking().Include(o => o.Recipients).FirstOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null || offer.Recipients.All(r => r.OrganisationId != caller.OrganisationId))
            return Outcome<OfferDto>.Fail(StatusCodes.Status404NotFound, "offer_not_found", "No offer with this id is addressed to your organisation.");
        if (caller.Role != PlatformRoles.PartnerContributor)
            return Outcome<OfferDto>.Fail(StatusCodes.Status403Forbidden, "partner_role_required", "Only the partner's contributors answer an offer.");
        var v = new Validator()
            .Check(request.Answer is not null && OfferAnswers.Answers.Contains(request.Answer), nameof(request.Answer),
                Msg.Of("one_of", string.Join(", ", OfferAnswers.Answers)))
            .Check(request.Message is null || request.Message.Length <= 4000, nameof(request.Message), Msg.Of("max_length", 4000))
            .Check(request.Answer == OfferAnswers.Accepted || !string.IsNullOrWhiteSpace(request.Message), nameof(request.Message),
                Msg.Of("offer_answer_reason_required"));
        if (!v.IsValid)
            return Outcome<OfferDto>.Invalid(v);

        var now = clock.GetUtcNow();
        var message = string.IsNullOrWhiteSpace(request.Message) ? null : request.Message.Trim();
        // Only a pending answer changes: two users of the partner answering at once cannot both win.
        var changed = await db.OfferRecipients
            .Where(r => r.OfferId == offerId && r.OrganisationId == caller.OrganisationId && r.Status == OfferAnswers.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, request.Answer!).SetProperty(r => r.Message, message)
                .SetProperty(r => r.AnsweredBy, caller.UserId).SetProperty(r => r.AnsweredAt, now), ct);
        if (changed == 0)
            return Outcome<OfferDto>.Fail(StatusCodes.Status409Conflict, "offer_already_answered", "Your organisation has already answered this offer.");
        await events.PublishAsync(new OfferAnswered(offerId, offer.RowId, caller.OrganisationId, request.Answer!, caller.UserId, now), ct);
        var reloaded = await db.Offers.AsNoTracking().Include(o => o.Recipients).FirstAsync(o => o.Id == offerId, ct);
        return await ToDtoAsync(reloaded, caller, ct);
    }

    public IQueryable<Offer> VisibleTo(Caller caller) =>
        Access.SeesAll(caller)
            ? db.Offers.AsNoTracking().Include(o => o.Recipients)
            : db.Offers.AsNoTracking().Include(o => o.Recipients)
                .Where(o => o.ResponsibleAgencyId == caller.OrganisationId || o.Recipients.Any(r => r.OrganisationId == caller.OrganisationId));

    /// <summary>The rows the secretariat can offer now, as Planning's lifecycle says.</summary>
    public async Task<IReadOnlyList<OfferCandidateDto>> CandidatesAsync(CancellationToken ct) =>
        [.. (await rows.ListOfferableAsync(500, ct)).Select(r => new OfferCandidateDto(r.RowId, r.ExerciseId, r.AffairCode, r.CooperationObject, r.Status))];

    public async Task<IReadOnlyList<OfferDto>> ListAsync(Caller caller, Guid? partnerId, CancellationToken ct)
    {
        var query = VisibleTo(caller);
        if (partnerId is { } p)
            query = query.Where(o => o.Recipients.Any(r => r.OrganisationId == p));
        var offers = await query.OrderByDescending(o => o.CreatedAt).Take(500).ToListAsync(ct);
        var names = await NamesAsync(offers.SelectMany(o => o.Recipients.Select(r => r.OrganisationId)), ct);
        return [.. offers.Select(o => ToDto(o, caller, names))];
    }

    public async Task<OfferDto?> FindAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var offer = await VisibleTo(caller).FirstOrDefaultAsync(o => o.Id == id, ct);
        return offer is null ? null : await ToDtoAsync(offer, caller, ct);
    }

    private async Task<OfferDto> ToDtoAsync(Offer offer, Caller caller, CancellationToken ct) =>
        ToDto(offer, caller, await NamesAsync(offer.Recipients.Select(r => r.OrganisationId), ct));

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToArray();
        return distinct.Length == 0 ? [] : (await organisations.FindManyAsync(distinct, ct)).ToDictionary(o => o.Id, o => o.Name);
    }

    // A partner sees its own line of the offer only, not the other partners' answers.
    private static OfferDto ToDto(Offer o, Caller caller, Dictionary<Guid, string> names) =>
        new(o.Id, o.RowId, o.ExerciseId, o.AffairCode, o.ResponsibleAgencyId, o.LetterNumber, o.LetterDate, o.Signatory, o.Object, o.ProposedForm,
            o.DurationYears, o.CreatedAt,
            [.. o.Recipients.Where(r => Access.SeesAll(caller) || o.ResponsibleAgencyId == caller.OrganisationId || r.OrganisationId == caller.OrganisationId)
                .OrderBy(r => names.GetValueOrDefault(r.OrganisationId))
                .Select(r => new OfferRecipientDto(r.OrganisationId, names.GetValueOrDefault(r.OrganisationId, r.OrganisationId.ToString()), r.Status, r.Message, r.AnsweredAt))]);
}
