using System.Globalization;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Documents;

/// <summary>The document settings of an exercise as sent by a form or the API (dates as yyyy-MM-dd text, checked here).</summary>
internal sealed record DocumentSettingsRequest(string? DecreeNumber, string? DecreeDate, string? DecreeSubject, string? Place, string? SignatoryTitle,
    string? SignatoryName, string? SignatoryNip);

/// <summary>Reads, checks and stores <see cref="ExerciseDocumentSettings"/>.</summary>
internal static class DocumentSettingsStore
{
    /// <summary>The exercise's settings; without a signatory of its own, the signatory last set for another exercise of the region.</summary>
    public static async Task<DocumentSigning> LoadAsync(PlanningDb db, MappingExercise exercise, CancellationToken ct)
    {
        var own = await db.DocumentSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ExerciseId == exercise.Id, ct);
        var signing = own is null ? DocumentSigning.None
            : new DocumentSigning(own.DecreeNumber, own.DecreeDate, own.DecreeSubject, own.Place, own.SignatoryTitle, own.SignatoryName, own.SignatoryNip);
        if (!string.IsNullOrWhiteSpace(signing.SignatoryName))
            return signing;
        // A handful of rows per region: ordered in memory (SQLite cannot order by a DateTimeOffset column).
        var region = (await db.DocumentSettings.AsNoTracking()
                .Where(s => s.RegionCode == exercise.RegionCode && s.ExerciseId != exercise.Id && s.SignatoryName != null).ToListAsync(ct))
            .OrderByDescending(s => s.UpdatedAt).FirstOrDefault();
        return region is null ? signing : signing with
        {
            Place = signing.Place ?? region.Place, SignatoryTitle = signing.SignatoryTitle ?? region.SignatoryTitle,
            SignatoryName = region.SignatoryName, SignatoryNip = region.SignatoryNip, SignatoryFromRegion = true,
        };
    }

    /// <summary>Checks the decree number and date (both or neither; the date not after <paramref name="today"/>).</summary>
    public static Validator CheckDecree(Validator v, string? number, string? date, DateOnly today, out DateOnly? parsed)
    {
        parsed = null;
        var hasNumber = !string.IsNullOrWhiteSpace(number);
        var hasDate = !string.IsNullOrWhiteSpace(date);
        if (hasNumber)
            v.Check(number!.Trim().Length <= 100 && number.Any(char.IsAsciiDigit) && number.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '-' or ' ' or '_'),
                "decreeNumber", Msg.Of("decree_number_format"));
        if (hasDate)
        {
            if (!DateOnly.TryParseExact(date!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                v.Add("decreeDate", Msg.Of("decree_date_format"));
            else if (d > today)
                v.Add("decreeDate", Msg.Of("decree_date_in_future"));
            else
                parsed = d;
        }

        if (hasNumber != hasDate)
            v.Add(hasNumber ? "decreeDate" : "decreeNumber", Msg.Of("decree_number_and_date_together"));
        return v;
    }

    public static Validator Check(DocumentSettingsRequest r, DateOnly today, out DateOnly? decreeDate)
    {
        var v = CheckDecree(new Validator(), r.DecreeNumber, r.DecreeDate, today, out decreeDate);
        v.Check((r.DecreeSubject?.Trim().Length ?? 0) <= 300, "decreeSubject", Msg.Of("max_length", 300))
            .Check((r.Place?.Trim().Length ?? 0) <= 100, "place", Msg.Of("max_length", 100))
            .Check((r.SignatoryTitle?.Trim().Length ?? 0) <= 200, "signatoryTitle", Msg.Of("max_length", 200))
            .Check((r.SignatoryName?.Trim().Length ?? 0) <= 200, "signatoryName", Msg.Of("max_length", 200))
            .Check(string.IsNullOrWhiteSpace(r.SignatoryNip) || r.SignatoryNip.Replace(" ", "", StringComparison.Ordinal) is { Length: 18 } nip && nip.All(char.IsAsciiDigit),
                "signatoryNip", Msg.Of("nip_format"));
        return v;
    }

    /// <summary>Stores every field of a checked request (blank clears).</summary>
    public static async Task SaveAsync(PlanningDb db, MappingExercise exercise, DocumentSettingsRequest r, DateOnly? decreeDate, DateTimeOffset now,
        CancellationToken ct)
    {
        var row = await RowAsync(db, exercise, ct);
        row.DecreeNumber = Clean(r.DecreeNumber);
        row.DecreeDate = decreeDate;
        row.DecreeSubject = Clean(r.DecreeSubject);
        row.Place = Clean(r.Place);
        row.SignatoryTitle = Clean(r.SignatoryTitle);
        row.SignatoryName = Clean(r.SignatoryName);
        row.SignatoryNip = Clean(r.SignatoryNip);
        row.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records the adopting decree's number and date, keeping the other settings.</summary>
    public static async Task RecordDecreeAsync(PlanningDb db, MappingExercise exercise, string number, DateOnly date, string? subject, DateTimeOffset now,
        CancellationToken ct)
    {
        var row = await RowAsync(db, exercise, ct);
        row.DecreeNumber = number.Trim();
        row.DecreeDate = date;
        row.DecreeSubject = Clean(subject) ?? row.DecreeSubject;
        row.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
    }

    private static async Task<ExerciseDocumentSettings> RowAsync(PlanningDb db, MappingExercise exercise, CancellationToken ct)
    {
        var row = await db.DocumentSettings.FirstOrDefaultAsync(s => s.ExerciseId == exercise.Id, ct);
        if (row is null)
        {
            row = new ExerciseDocumentSettings { ExerciseId = exercise.Id, RegionCode = exercise.RegionCode };
            db.DocumentSettings.Add(row);
        }

        return row;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
