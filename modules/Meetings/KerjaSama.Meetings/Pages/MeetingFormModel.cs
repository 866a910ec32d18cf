using System.Globalization;
using KerjaSama.Meetings.Features.Meetings;
using KerjaSama.Modularity.Localization;
using KerjaSama.Registry.Contracts;

namespace KerjaSama.Meetings.Pages;

/// <summary>The meeting form: local date and times in the chosen zone, agenda one item per line, invitees as organisation codes.</summary>
internal sealed class MeetingFormModel
{
    public string? Title { get; set; }

    public string? Date { get; set; }

    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public string? TimeZone { get; set; } = "WIB";

    public string? Place { get; set; }

    public string? OnlineLink { get; set; }

    public string? ExerciseId { get; set; }

    public string? Agenda { get; set; }

    public string? OrganisationCodes { get; set; }

    public long? Version { get; set; }

    public static MeetingFormModel From(Meeting m, IEnumerable<string> codes)
    {
        var offset = TimeSpan.FromHours((int)m.TimeZone);
        return new()
        {
            Title = m.Title, Date = m.StartsAt.ToOffset(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            StartTime = m.StartsAt.ToOffset(offset).ToString("HH:mm", CultureInfo.InvariantCulture),
            EndTime = m.EndsAt.ToOffset(offset).ToString("HH:mm", CultureInfo.InvariantCulture), TimeZone = m.TimeZone.ToString().ToUpperInvariant(),
            Place = m.Place, OnlineLink = m.OnlineLink, ExerciseId = m.ExerciseId?.ToString(), Agenda = string.Join("\n", m.Agenda),
            OrganisationCodes = string.Join(", ", codes), Version = m.Version,
        };
    }

    /// <summary>The API request, or field errors of the form itself (unparsable date, unknown organisation code).</summary>
    public async Task<(MeetingRequest? Request, Dictionary<string, string[]> Errors)> ToRequestAsync(IOrganisationDirectory organisations,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var hours = Enum.TryParse<IndonesianTimeZone>(TimeZone, true, out var zone) ? (int)zone : 7;
        DateTimeOffset? At(string? time, string field)
        {
            if (DateTime.TryParseExact($"{Date} {time}", "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                return new DateTimeOffset(local, TimeSpan.FromHours(hours));
            errors[field] = [Msg.Of("meeting_date_time_format").ToString()];
            return null;
        }

        var start = At(StartTime, "StartsAt");
        var end = At(EndTime, "EndsAt");
        var ids = new List<Guid>();
        foreach (var code in (OrganisationCodes ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (await organisations.FindByCodeAsync(code, ct) is { } org)
                ids.Add(org.Id);
            else
                errors["InvitedOrganisationIds"] = [.. errors.GetValueOrDefault("InvitedOrganisationIds") ?? [], Msg.Of("organisation_code_unknown", code).ToString()];
        }

        Guid? exercise = null;
        if (!string.IsNullOrWhiteSpace(ExerciseId))
        {
            if (Guid.TryParse(ExerciseId, out var parsed))
                exercise = parsed;
            else
                errors["ExerciseId"] = [Msg.Of("exercise_not_found").ToString()];
        }

        var agenda = (Agenda ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return errors.Count > 0
            ? (null, errors)
            : (new MeetingRequest(Title, start, null, TimeZone, Blank(Place), Blank(OnlineLink), exercise, Version, end, agenda, ids), errors);
    }

    // A browser posts an empty field as ""; the API's rule reads a missing place or link as null.
    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
