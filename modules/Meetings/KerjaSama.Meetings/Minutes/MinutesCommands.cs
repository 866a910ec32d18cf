using KerjaSama.Meetings.Persistence;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Meetings.Minutes;

internal sealed record MinutesDto(Guid MeetingId, string Text, long Version, DateTimeOffset? UpdatedAt, string? UpdatedBy);

internal sealed record DecisionDto(Guid Id, string Text, DateTimeOffset CreatedAt);

internal sealed record ActionItemDto(Guid Id, string Text, Guid OwnerOrganisationId, string OwnerOrganisationName, DateOnly DueDate, DateTimeOffset CreatedAt);

/// <summary>Minutes (optimistic concurrency; version 0 = none yet), decisions and action items of a meeting.</summary>
internal sealed class MinutesCommands(MeetingsDb db, IOrganisationDirectory organisations, TimeProvider clock)
{
    public const int MaxMinutesLength = 200_000;

    public async Task<MinutesDto?> GetAsync(Guid meetingId, CancellationToken ct)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, ct))
            return null;
        var minutes = await db.Minutes.AsNoTracking().FirstOrDefaultAsync(m => m.MeetingId == meetingId, ct);
        return minutes is null ? new MinutesDto(meetingId, "", 0, null, null) : ToDto(minutes);
    }

    /// <summary>
    /// Saves the minutes: the saved minutes, field errors, 404 <c>meeting_not_found</c>, or 409 <c>minutes_conflict</c>
    /// whose <see cref="Outcome{T}.Value"/> is the stored minutes (someone saved since the caller read; the submitted
    /// text is the caller's own, so nothing is lost).
    /// </summary>
    public async Task<Outcome<MinutesDto>> SaveAsync(Guid meetingId, string? text, long? version, Caller caller, CancellationToken ct)
    {
        var v = new Validator()
            .Check(text is not null, "Text", Msg.Of("required_may_be_empty"))
            .Check(text is null || text.Length <= MaxMinutesLength, "Text", Msg.Of("max_length", MaxMinutesLength))
            .Check(version is >= 0, "Version", Msg.Of("minutes_version_required"));
        if (!v.IsValid)
            return Outcome<MinutesDto>.Invalid(v);
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, ct))
            return Outcome<MinutesDto>.Fail(StatusCodes.Status404NotFound, "meeting_not_found", $"No meeting has the id {meetingId}.");

        var minutes = await db.Minutes.FirstOrDefaultAsync(m => m.MeetingId == meetingId, ct);
        var stale = minutes is null ? version != 0 : minutes.Version != version;
        if (stale)
            return Conflict(minutes is null ? new MinutesDto(meetingId, "", 0, null, null) : ToDto(minutes));
        if (minutes is null)
        {
            minutes = new MeetingMinutes { MeetingId = meetingId };
            db.Minutes.Add(minutes);
        }
        else
        {
            db.ExpectVersion(minutes, version!.Value);
        }

        minutes.Text = text!;
        minutes.UpdatedAt = clock.GetUtcNow();
        minutes.UpdatedBy = caller.DisplayName;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException or DbUpdateException)
        {
            // Someone saved between our read and write (or created the first version at the same time).
            db.ChangeTracker.Clear();
            var stored = await db.Minutes.AsNoTracking().FirstAsync(m => m.MeetingId == meetingId, ct);
            return Conflict(ToDto(stored));
        }

        return ToDto(minutes);
    }

    private static Outcome<MinutesDto> Conflict(MinutesDto stored) =>
        new(stored, null, StatusCodes.Status409Conflict, "minutes_conflict", "The minutes were saved by someone else since you read them.");

    public async Task<Outcome<DecisionDto>> AddDecisionAsync(Guid meetingId, string? text,
        CancellationToken ct)
    {
        var v = new Validator().Require("Text", text, 2000);
        if (!v.IsValid)
            return Outcome<DecisionDto>.Invalid(v);
        var decision = new Decision { Id = Guid.CreateVersion7(), MeetingId = meetingId, Text = text!.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Decisions.Add(decision);
        await db.SaveChangesAsync(ct);
        return new DecisionDto(decision.Id, decision.Text, decision.CreatedAt);
    }

    public async Task<Outcome<ActionItemDto>> AddActionItemAsync(Meeting meeting, string? text,
        Guid? ownerOrganisationId, DateOnly? dueDate, CancellationToken ct)
    {
        var v = new Validator().Require("Text", text, 2000)
            .Check(ownerOrganisationId is not null, "OwnerOrganisationId", Msg.Of("action_owner_required"))
            .Check(dueDate is not null, "DueDate", Msg.Of("date_required"));
        var meetingDay = DateOnly.FromDateTime(meeting.StartsAt.ToOffset(TimeSpan.FromHours((int)meeting.TimeZone)).DateTime);
        v.Check(dueDate is null || dueDate >= meetingDay, "DueDate", Msg.Of("not_before_meeting", meetingDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        v.Check(dueDate is null || dueDate <= meetingDay.AddYears(5), "DueDate", Msg.Of("due_within_five_years"));
        OrganisationInfo? owner = null;
        if (ownerOrganisationId is { } ownerId && (owner = await organisations.FindAsync(ownerId, ct)) is not { Active: true })
            v.Add("OwnerOrganisationId", Msg.Of("organisations_unknown", ownerId));
        if (!v.IsValid)
            return Outcome<ActionItemDto>.Invalid(v);
        var item = new ActionItem
        {
            Id = Guid.CreateVersion7(), MeetingId = meeting.Id, Text = text!.Trim(), OwnerOrganisationId = owner!.Id, OwnerOrganisationName = owner.Name,
            DueDate = dueDate!.Value, CreatedAt = clock.GetUtcNow(),
        };
        db.ActionItems.Add(item);
        await db.SaveChangesAsync(ct);
        return ToDto(item);
    }

    public async Task<List<DecisionDto>> DecisionsAsync(Guid meetingId, CancellationToken ct) =>
        [.. (await db.Decisions.AsNoTracking().Where(d => d.MeetingId == meetingId).ToListAsync(ct))
            .OrderBy(d => d.CreatedAt).Select(d => new DecisionDto(d.Id, d.Text, d.CreatedAt))];

    public async Task<List<ActionItemDto>> ActionItemsAsync(Guid meetingId, CancellationToken ct) =>
        [.. (await db.ActionItems.AsNoTracking().Where(a => a.MeetingId == meetingId).ToListAsync(ct)).OrderBy(a => a.DueDate).ThenBy(a => a.CreatedAt).Select(ToDto)];

    private static MinutesDto ToDto(MeetingMinutes m) => new(m.MeetingId, m.Text, m.Version, m.UpdatedAt, m.UpdatedBy);

    private static ActionItemDto ToDto(ActionItem a) => new(a.Id, a.Text, a.OwnerOrganisationId, a.OwnerOrganisationName, a.DueDate, a.CreatedAt);
}
