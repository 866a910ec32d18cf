using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Consolidation;

/// <summary>What the consolidation, review, export and import endpoints share: access checks, loading rows, calling the grain.</summary>
internal static class RegisterCalls
{
    public static async Task<RegisterResult> ApplyAsync(IGrainFactory grains, Guid exerciseId, Caller caller, string authority, List<RegisterOp> ops) =>
        await grains.GetGrain<IMatrixGrain>(exerciseId).ApplyRegister(caller, new RegisterBatch(authority, ops));

    public static RegisterOp Update(Guid rowId, Dictionary<string, string?> fields) => new(Guid.NewGuid(), Contracts.Live.OpKinds.Update, rowId, fields);

    /// <summary>The exercise when the caller may read its matrix (facilitators, invited organisations, the planning agency).</summary>
    public static async Task<(MappingExercise? Exercise, IResult? Problem)> ReadableAsync(Guid id, Caller caller, PlanningDb db, IServiceProvider services,
        CancellationToken ct)
    {
        var exercise = await db.Exercises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exercise is null)
            return (null, Modularity.Http.Problems.NotFound("exercise_not_found", $"No mapping exercise has the id {id}."));
        if (await services.GetRequiredService<ExerciseAccess>().CanReadAsync(caller, exercise, ct))
            return (exercise, null);

        return (null, Modularity.Http.Problems.Forbidden(RejectionCodes.NotInvited, "Your organisation is not invited to this mapping exercise."));
    }

    public static async Task<List<RowView>> RowsAsync(PlanningDb db, Guid exerciseId, bool includeMerged, CancellationToken ct)
    {
        var rows = await db.Rows.AsNoTracking().Where(r => r.ExerciseId == exerciseId && !r.Removed).OrderBy(r => r.CreatedSeq).ToListAsync(ct);
        var views = rows.Select(RowView.From);
        return [.. includeMerged ? views : views.Where(v => v.MergedInto is null)];
    }

    /// <summary>A refused batch as problem details naming the row and field: 403, 404, 409 (illegal transition) or 400.</summary>
    public static IResult Problem(RegisterResult result)
    {
        var first = result.Errors[0];
        var status = first.Error.Code switch
        {
            RejectionCodes.Forbidden or RejectionCodes.NotInvited => StatusCodes.Status403Forbidden,
            RejectionCodes.UnknownRow => StatusCodes.Status404NotFound,
            "invalid_transition" or "tkksd_not_accepted" => StatusCodes.Status409Conflict,
            RejectionCodes.NotCommitted => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        };
        var extensions = new Dictionary<string, object?>
        {
            ["code"] = first.Error.Code, ["field"] = first.Error.Field, ["rowId"] = first.RowId == Guid.Empty ? null : first.RowId,
        };
        if (status == StatusCodes.Status400BadRequest)
        {
            var errors = result.Errors.GroupBy(e => e.Error.Field ?? "row")
                .ToDictionary(g => g.Key, g => g.Select(e => Live.LiveText.Of(e.Error.Code, e.Error.Message, e.Error.Field)).ToArray(), StringComparer.Ordinal);
            extensions["codes"] = result.Errors.GroupBy(e => e.Error.Field ?? "row")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Error.Code).ToArray(), StringComparer.Ordinal);
            return TypedResults.ValidationProblem(errors, Live.LiveText.Of(first.Error.Code, first.Error.Message, first.Error.Field),
                title: Modularity.Localization.Messages.Text("title.validation_failed"), extensions: extensions);
        }

        return TypedResults.Problem(Live.LiveText.Of(first.Error.Code, first.Error.Message, first.Error.Field), statusCode: status,
            title: Modularity.Localization.Messages.Text(status switch
        {
            StatusCodes.Status403Forbidden => "title.forbidden",
            StatusCodes.Status404NotFound => "title.not_found",
            StatusCodes.Status409Conflict => "title.conflict",
            _ => "title.not_saved",
        }), extensions: extensions);
    }
}
