using KerjaSama.Identity.Contracts;
using KerjaSama.Meetings.Mail;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Mail;
using KerjaSama.Meetings.Persistence;
using KerjaSama.Modularity.Security;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Meetings.Features.Invitations;

internal sealed record InvitationDto(Guid UserId, string DisplayName, string Email, Guid OrganisationId, DateTimeOffset SentAt, long SentVersion);

internal sealed record SendResult(int Recipients, int Emailed, string MailMode, IReadOnlyList<InvitationDto> Invitations);

/// <summary>
/// Sends a meeting's invitations to every active member of its invited organisations: records them (the in-app
/// invitation: the meeting now shows under "upcoming" for those organisations) and emails each with an .ics request.
/// Sending again after a change sends the update (a higher iCalendar SEQUENCE).
/// </summary>
internal sealed class InvitationSender(MeetingsDb db, IMemberDirectory members, IMailSender transport, TimeProvider clock,
    IUserLanguages languages)
{
    public async Task<SendResult?> SendAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Invitees).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
            return null;
        var now = clock.GetUtcNow();
        var contacts = await members.ActiveMembersOfAsync([.. meeting.Invitees.Select(i => i.OrganisationId)], ct);
        var existing = await db.Invitations.Where(i => i.MeetingId == meetingId).ToListAsync(ct);
        var sent = new List<Invitation>();
        foreach (var c in contacts.DistinctBy(c => (c.UserId, c.OrganisationId)))
        {
            var invitation = existing.Find(i => i.UserId == c.UserId && i.OrganisationId == c.OrganisationId);
            if (invitation is null)
            {
                invitation = new Invitation
                {
                    Id = Guid.CreateVersion7(), MeetingId = meetingId, UserId = c.UserId, OrganisationId = c.OrganisationId, DisplayName = c.DisplayName,
                    Email = c.Email,
                };
                db.Invitations.Add(invitation);
            }

            invitation.DisplayName = c.DisplayName;
            invitation.Email = c.Email;
            invitation.SentAt = now;
            invitation.SentVersion = meeting.Version + 1;
            sent.Add(invitation);
        }

        meeting.InvitationsSentAt = now;
        await db.SaveChangesAsync(ct);

        // The saved meeting's version is the SEQUENCE of this message; a later change and resend raises it.
        // Each in the recipient's own language (issue 20): the stored one, Indonesian for an address that is no user's.
        var mailed = sent.Where(i => i.Email.Contains('@', StringComparison.Ordinal)).ToList();
        var chosen = await languages.OfEmailsAsync([.. mailed.Select(i => i.Email)], ct);
        var messages = mailed.Select(i => InvitationMessages.Build(meeting, i, transport.Options.Settings, now,
            Messages.CultureOf(chosen.GetValueOrDefault(i.Email)))).ToList();
        var emailed = await transport.SendAsync(messages, ct);
        return new SendResult(sent.Count, emailed, transport.Options.Mode, [.. sent.Select(ToDto)]);
    }

    public async Task<List<InvitationDto>> ListAsync(Guid meetingId, CancellationToken ct) =>
        [.. (await db.Invitations.AsNoTracking().Where(i => i.MeetingId == meetingId).ToListAsync(ct))
            .OrderBy(i => i.DisplayName, StringComparer.Ordinal).Select(ToDto)];

    private static InvitationDto ToDto(Invitation i) => new(i.UserId, i.DisplayName, i.Email, i.OrganisationId, i.SentAt, i.SentVersion);
}
