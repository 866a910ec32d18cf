using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Planning.Contracts;
using KerjaSama.Registry.Contracts;

namespace KerjaSama.Meetings.Features.Meetings;

/// <summary>
/// Body of create and update. The end is <see cref="EndsAt"/> or, without it, <see cref="DurationMinutes"/> (default
/// 120). <see cref="Version"/> is required on update: the version the editor last read.
/// </summary>
internal sealed record MeetingRequest(string? Title, DateTimeOffset? StartsAt, int? DurationMinutes, string? TimeZone, string? Place,
    string? OnlineLink, Guid? ExerciseId, long? Version, DateTimeOffset? EndsAt = null, IReadOnlyList<string>? Agenda = null,
    IReadOnlyList<Guid>? InvitedOrganisationIds = null)
{
    public const int MaxAgendaItems = 50;
    public const int MaxInvitees = 300;

    public async Task<(Validator Validator, IReadOnlyList<OrganisationInfo> Organisations)> ValidateAsync(IMappingExerciseDirectory exercises,
        IOrganisationDirectory organisations, CancellationToken ct)
    {
        var v = new Validator()
            .Require(nameof(Title), Title)
            .Check(StartsAt is not null, nameof(StartsAt), Msg.Of("datetime_offset_required"))
            .Check(DurationMinutes is null or (> 0 and <= 24 * 60), nameof(DurationMinutes), Msg.Of("minutes_range", 1, 1440))
            .Check(Enum.TryParse<IndonesianTimeZone>(TimeZone, true, out _) && !int.TryParse(TimeZone, out _), nameof(TimeZone),
                Msg.Of("time_zone_one_of"))
            .Check(Place is null || Place.Length <= 300, nameof(Place), Msg.Of("max_length", 300))
            .Check(!string.IsNullOrWhiteSpace(Place) || !string.IsNullOrWhiteSpace(OnlineLink), nameof(Place),
                Msg.Of("place_or_link_required"))
            .Check(OnlineLink is null || (Uri.TryCreate(OnlineLink, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
                && OnlineLink.Length <= 500), nameof(OnlineLink), Msg.Of("link_invalid"));
        if (StartsAt is { } start && EndsAt is { } end)
        {
            v.Check(end > start, nameof(EndsAt), Msg.Of("meeting_end_after_start", nameof(StartsAt)));
            v.Check(end - start <= TimeSpan.FromDays(1), nameof(EndsAt), Msg.Of("meeting_too_long"));
        }

        var agenda = Agenda ?? [];
        v.Check(agenda.Count <= MaxAgendaItems, nameof(Agenda), Msg.Of("agenda_count", MaxAgendaItems));
        v.Check(agenda.All(a => !string.IsNullOrWhiteSpace(a) && a.Length <= 300), nameof(Agenda), Msg.Of("agenda_item_length"));

        var ids = (InvitedOrganisationIds ?? []).Distinct().ToList();
        IReadOnlyList<OrganisationInfo> found = [];
        v.Check(ids.Count <= MaxInvitees, nameof(InvitedOrganisationIds), Msg.Of("organisations_count", MaxInvitees));
        if (ids.Count is > 0 and <= MaxInvitees)
        {
            found = [.. (await organisations.FindManyAsync(ids, ct)).Where(o => o.Active)];
            var missing = ids.Where(id => found.All(o => o.Id != id)).ToList();
            v.Check(missing.Count == 0, nameof(InvitedOrganisationIds), Msg.Of("organisations_unknown", string.Join(", ", missing)));
        }

        if (ExerciseId is { } exerciseId && await exercises.FindAsync(exerciseId, ct) is null)
            v.Add(nameof(ExerciseId), Msg.Of("exercise_not_found"));
        return (v, found);
    }

    public void ApplyTo(Meeting meeting, IReadOnlyList<OrganisationInfo> organisations)
    {
        meeting.Title = Title!.Trim();
        meeting.StartsAt = StartsAt!.Value.ToUniversalTime();
        meeting.EndsAt = EndsAt?.ToUniversalTime() ?? meeting.StartsAt.AddMinutes(DurationMinutes ?? 120);
        meeting.DurationMinutes = (int)Math.Round((meeting.EndsAt - meeting.StartsAt).TotalMinutes);
        meeting.TimeZone = Enum.Parse<IndonesianTimeZone>(TimeZone!, true);
        meeting.Place = string.IsNullOrWhiteSpace(Place) ? null : Place.Trim();
        meeting.OnlineLink = string.IsNullOrWhiteSpace(OnlineLink) ? null : OnlineLink.Trim();
        meeting.ExerciseId = ExerciseId;
        meeting.Agenda = [.. (Agenda ?? []).Select(a => a.Trim())];
        meeting.Invitees.RemoveAll(i => organisations.All(o => o.Id != i.OrganisationId));
        foreach (var o in organisations)
        {
            if (meeting.Invitees.Find(i => i.OrganisationId == o.Id) is { } kept)
                kept.OrganisationName = o.Name;
            else
                meeting.Invitees.Add(new MeetingInvitee { MeetingId = meeting.Id, OrganisationId = o.Id, OrganisationName = o.Name, OrganisationKind = o.Kind });
        }
    }
}
