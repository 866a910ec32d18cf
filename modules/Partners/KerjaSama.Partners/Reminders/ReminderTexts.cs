using System.Globalization;
using KerjaSama.Modularity.Localization;
using KerjaSama.Partners.Agreements;

namespace KerjaSama.Partners.Reminders;

/// <summary>The title and text of an agreement's end reminder in one language (<c>mail.reminder.*</c>, issue 20).</summary>
internal static class ReminderTexts
{
    public static (string Title, string Body) Of(Agreement agreement, int threshold, int daysLeft, CultureInfo language)
    {
        var endsOn = agreement.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = daysLeft > 0 ? Messages.Text(language, "mail.reminder.title_days", agreement.Kind, agreement.Number, daysLeft, endsOn)
            : daysLeft == 0 ? Messages.Text(language, "mail.reminder.title_today", agreement.Kind, agreement.Number, endsOn)
            : Messages.Text(language, "mail.reminder.title_ended", agreement.Kind, agreement.Number, endsOn);
        return (title, Messages.Text(language, "mail.reminder.body", agreement.Object, threshold));
    }
}
