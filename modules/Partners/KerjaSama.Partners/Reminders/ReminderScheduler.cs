using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Mail;
using KerjaSama.Partners.Agreements;
using KerjaSama.Partners.Persistence;
using KerjaSama.Registry.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KerjaSama.Partners.Reminders;

/// <summary>
/// Fires the reminders that are due as of the module's clock. Each (agreement, end date, threshold) is claimed by
/// inserting a <see cref="ReminderDispatch"/> in the same transaction as its notifications and e-mails: with several
/// hosts on one database the unique index lets exactly one of them commit, and a restart finds what already fired.
/// </summary>
internal sealed partial class ReminderScheduler(IDbContextFactory<PartnersDb> factory, IOrganisationDirectory organisations,
    IOptions<PartnersOptions> options, [FromKeyedServices(PartnersClock.Key)] TimeProvider clock, IMailSender mail, ILogger<ReminderScheduler> logger,
    KerjaSama.Identity.Contracts.IUserLanguages languages)
{
    // Reminders of agreements that ended longer ago than this are not sent any more (e.g. after a long outage).
    private const int LateDays = 30;
    private static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);

    public string HostId { get; } = $"{Environment.ProcessId}/{Guid.NewGuid():N}/{Environment.MachineName}" is var id && id.Length > 200 ? id[..200] : id;

    private long _completedRuns;

    /// <summary>Runs finished on this host so far (polls and runs on request): lets an operator or a test see the scheduler advance.</summary>
    public long CompletedRuns => Interlocked.Read(ref _completedRuns);

    /// <summary>Fires every due reminder once and delivers pending e-mails; returns the number of thresholds this host fired.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var fired = await RunAsync(ct);
        Interlocked.Increment(ref _completedRuns);
        return fired;
    }

    private async Task<int> RunAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var thresholds = options.Value.Thresholds;
        var horizon = today.AddDays(thresholds.Max());
        var since = today.AddDays(-LateDays);
        List<Agreement> candidates;
        HashSet<(Guid, DateOnly, int)> fired;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            candidates = await db.Agreements.AsNoTracking().Include(a => a.Parties)
                .Where(a => a.SignedOn != null && a.EndsOn >= since && a.EndsOn <= horizon).ToListAsync(ct);
            var ids = candidates.Select(a => a.Id).ToArray();
            fired = [.. (await db.ReminderDispatches.AsNoTracking().Where(d => ids.Contains(d.AgreementId)).ToListAsync(ct))
                .Select(d => (d.AgreementId, d.EndsOn, d.ThresholdDays))];
        }

        var count = 0;
        foreach (var agreement in candidates)
        {
            var due = thresholds.Where(t => agreement.EndsOn.AddDays(-t) <= today && !fired.Contains((agreement.Id, agreement.EndsOn, t))).ToArray();
            if (due.Length > 0)
                count += await FireAsync(agreement, due, today, ct);
        }

        await DeliverMailAsync(ct);
        return count;
    }

    private async Task<int> FireAsync(Agreement agreement, int[] due, DateOnly today, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var t in due)
        {
            db.ReminderDispatches.Add(new ReminderDispatch
            {
                Id = Guid.CreateVersion7(), AgreementId = agreement.Id, EndsOn = agreement.EndsOn, ThresholdDays = t, FiredAt = now, FiredBy = HostId,
            });
        }

        // Thresholds missed together (an agreement recorded late, hosts down) give one notice, for the nearest one.
        var threshold = due.Min();
        var daysLeft = agreement.EndsOn.DayNumber - today.DayNumber;
        // The in-app notice is shared by an organisation's members: Indonesian. Each e-mail is in its recipient's language.
        var (title, body) = ReminderTexts.Of(agreement, threshold, daysLeft, Messages.Indonesian);
        var organisationIds = agreement.Parties.Select(p => p.OrganisationId).Append(agreement.ResponsibleAgencyId ?? Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct().ToArray();
        foreach (var organisationId in organisationIds.Cast<Guid?>().Append(null))
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), OrganisationId = organisationId, AgreementId = agreement.Id, ThresholdDays = threshold, Title = title,
                Body = body, CreatedAt = now,
            });
        }

        var recipients = await RecipientsAsync(db, organisationIds, ct);
        var chosen = await languages.OfEmailsAsync(recipients, ct);
        foreach (var to in recipients)
        {
            var (subject, text) = ReminderTexts.Of(agreement, threshold, daysLeft, Messages.CultureOf(chosen.GetValueOrDefault(to)));
            db.Mails.Add(new OutgoingMail { Id = Guid.CreateVersion7(), To = to, Subject = "[KerjaSama] " + subject, Body = text, CreatedAt = now });
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            LogFired(agreement.Id, threshold, HostId);
            return due.Length;
        }
        catch (DbUpdateException)
        {
            // Another host claimed the same thresholds first: it notifies, this one does not.
            await tx.RollbackAsync(ct);
            LogClaimedElsewhere(agreement.Id, threshold);
            return 0;
        }
    }

    private async Task<IReadOnlyList<string>> RecipientsAsync(PartnersDb db, Guid[] organisationIds, CancellationToken ct)
    {
        var partners = (await organisations.FindManyAsync(organisationIds, ct)).Where(o => o.IsPartner).Select(o => o.Id).ToArray();
        var emails = await db.Profiles.AsNoTracking().Where(p => partners.Contains(p.OrganisationId))
            .SelectMany(p => p.Contacts).Where(c => c.Email != null).Select(c => c.Email!).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(options.Value.SecretariatEmail))
            emails.Add(options.Value.SecretariatEmail.Trim());
        return [.. emails.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Sends the e-mails no host has sent; a claim older than ten minutes (a host died mid-send) is taken over.</summary>
    private async Task DeliverMailAsync(CancellationToken ct)
    {
        // With mail disabled the e-mails wait (the notices are in the app); they go out once mail is configured.
        if (mail.Options.Mode == MailModes.Disabled)
            return;
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var stale = now - StaleClaim;
        var pending = await db.Mails.AsNoTracking().Where(m => m.SentAt == null && (m.ClaimedAt == null || m.ClaimedAt < stale))
            .OrderBy(m => m.CreatedAt).Take(100).ToListAsync(ct);
        foreach (var m in pending)
        {
            var claimed = await db.Mails.Where(x => x.Id == m.Id && x.SentAt == null && (x.ClaimedAt == null || x.ClaimedAt < stale))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedAt, now).SetProperty(x => x.ClaimedBy, HostId), ct);
            if (claimed == 0)
                continue;
            try
            {
                await mail.SendTextAsync(null, m.To, m.Subject, m.Body, clock.GetUtcNow(), ct);
                await db.Mails.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.SentAt, clock.GetUtcNow()), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogMailFailed(ex, m.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder of agreement {AgreementId} at {Threshold} days fired by {Host}")]
    private partial void LogFired(Guid agreementId, int threshold, string host);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reminder of agreement {AgreementId} at {Threshold} days was claimed by another host")]
    private partial void LogClaimedElsewhere(Guid agreementId, int threshold);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder e-mail {MailId} could not be sent; it is retried after its claim goes stale")]
    private partial void LogMailFailed(Exception exception, Guid mailId);
}
