using System.Text.Json;
using System.Text.RegularExpressions;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Lifecycle;
using KerjaSama.Registry.Contracts;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Live;

/// <summary>
/// The matrix's fields: what each accepts, checked against the Registry, and the canonical JSON stored for it.
/// Cross-field rules (KSDD-wajib partners border the region; more than five years needs a legal basis) are
/// checked on the merged row by <see cref="CheckRow"/>.
/// </summary>
internal static partial class MatrixFieldSchema
{
    public static readonly IReadOnlySet<string> CooperationTypes = Codes(MatrixVocabulary.CooperationTypes);

    public static readonly IReadOnlySet<string> Forms = Codes(MatrixVocabulary.Forms);

    public static readonly IReadOnlySet<string> Statuses = Codes(MatrixVocabulary.Statuses);

    private static readonly Dictionary<string, int> TextLimits = new(StringComparer.Ordinal)
    {
        [F.Potential] = 2000, [F.CooperationObject] = 1000, [F.Benefit] = 2000, [F.DurationLegalBasis] = 500, [F.DprdReason] = 1000, [F.Notes] = 4000,
        [F.StatusReason] = 1000, [F.MergeReason] = 1000, [F.Question] = 2000, [F.Answer] = 2000, [F.ReviewNote] = 2000,
        [F.Location] = 500, [F.Problem] = 2000, [F.Unit] = 100, [F.ForwardTarget] = 500, [F.RpjmdGoal] = 1000, [F.RpjmdIndicator] = 1000,
    };

    public static readonly IReadOnlySet<string> ReviewDecisions = Codes(MatrixVocabulary.ReviewDecisions);

    /// <summary>Fields written only outside live sessions (consolidation, review, lifecycle): live ops may not set them.</summary>
    public static readonly IReadOnlySet<string> SystemFields = new HashSet<string>(
        [F.PostponedFrom, F.MergedInto, F.MergedFrom, F.MergeReason, F.Question, F.Answer, F.ReviewDecision, F.ReviewNote], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> All = new HashSet<string>(
    [
        F.AffairCode, F.SubAffairCode, F.Potential, F.CooperationObject, F.CooperationType, F.PartnerRegionCodes, F.PartnerOrganisationIds, F.Form,
        F.Benefit, F.ProgramCode, F.ActivityCode, F.SubActivityCode, F.YearlyPlans, F.StartYear, F.DurationYears, F.DurationLegalBasis,
        F.ResponsibleAgencyId, F.SupportingAgencyIds, F.DprdApprovalRequired, F.DprdReason, F.Priority, F.Status, F.Notes,
        F.StatusReason, F.PostponedFrom, F.MergedInto, F.MergedFrom, F.MergeReason, F.Question, F.Answer, F.ReviewDecision, F.ReviewNote,
        F.Location, F.Problem, F.Unit, F.Baseline, F.ForwardTarget, F.ForwardBudget, F.RpjmdGoal, F.RpjmdIndicator, F.CentralConsentRequired,
    ], StringComparer.Ordinal);

    /// <summary>Validates one field's value; returns its canonical JSON (null clears the field) or an error.</summary>
    public static async ValueTask<(string? Json, FieldError? Error)> ValidateAsync(string field, string? json, ValidationContext ctx,
        CancellationToken ct)
    {
        if (!All.Contains(field))
            return (null, new FieldError("unknown_field", $"'{field}' is not a column of the mapping matrix.", field));
        JsonElement value;
        try
        {
            value = json is null ? default : JsonDocument.Parse(json).RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, FieldError.Invalid(field, "Not a valid value."));
        }

        if (json is null || value.ValueKind == JsonValueKind.Null)
            return (null, null);

        try
        {
            var error = await CheckAsync(field, value, ctx, ct);
            return error is null ? (Canonical(value), null) : (null, error);
        }
        // A look-up that failed because the database cannot be reached is not a wrong value: it goes up to the sequencer,
        // which refuses the batch with the retryable not_committed.
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or KeyNotFoundException or JsonException
            && !KerjaSama.Modularity.Persistence.StoreFailures.IsUnavailable(ex))
        {
            return (null, FieldError.Invalid(field, "A value of the wrong type."));
        }
    }

    private static async ValueTask<FieldError?> CheckAsync(string field, JsonElement v, ValidationContext ctx, CancellationToken ct)
    {
        if (TextLimits.TryGetValue(field, out var limit))
            return v.GetString() is { } text && text.Length <= limit ? null : FieldError.Invalid(field, $"Text of at most {limit} characters.");

        switch (field)
        {
            case F.AffairCode:
                var affair = await ctx.AffairAsync(v.GetString()!, ct);
                if (affair is null)
                    return FieldError.Invalid(field, $"No government affair has the code '{v.GetString()}'.");
                if (!affair.Cooperable)
                    return new FieldError("affair_not_cooperable", $"{affair.Code} {affair.Name} is a supporting unit, not an object of cooperation.", field);
                return affair.Levels.Contains(ctx.Level)
                    ? null
                    : new FieldError("affair_not_of_level", $"{affair.Code} {affair.Name} is not held at the {ctx.Level} level.", field);
            case F.SubAffairCode:
                return Pattern(field, v, SubAffairPattern(), "a sub-affair code such as 1.02.01");
            case F.CooperationType:
                return OneOf(field, v, CooperationTypes);
            case F.Form:
                return OneOf(field, v, Forms);
            case F.Status or F.PostponedFrom:
                return OneOf(field, v, Statuses);
            case F.ReviewDecision:
                return OneOf(field, v, ReviewDecisions);
            case F.MergedInto:
                return v.GetGuid() == Guid.Empty ? FieldError.Invalid(field, "A row id.") : null;
            case F.MergedFrom:
                return v.GetArrayLength() <= 100 && v.EnumerateArray().All(id => id.GetGuid() != Guid.Empty)
                    ? null : FieldError.Invalid(field, "At most 100 row ids.");
            case F.ProgramCode:
                return Pattern(field, v, ProgramPattern(), "a programme code such as 1.02.02") ?? await NomenclatureAsync(field, v, ctx, ct);
            case F.ActivityCode:
                return Pattern(field, v, ActivityPattern(), "a kegiatan code such as 1.02.02.1.01") ?? OfLevel(field, v, ctx)
                    ?? await NomenclatureAsync(field, v, ctx, ct);
            case F.SubActivityCode:
                return Pattern(field, v, SubActivityPattern(), "a sub kegiatan code such as 1.02.02.1.01.0001") ?? OfLevel(field, v, ctx)
                    ?? await NomenclatureAsync(field, v, ctx, ct);
            case F.PartnerRegionCodes:
                if (v.GetArrayLength() > 20)
                    return FieldError.Invalid(field, "At most 20 partner regions.");
                foreach (var code in v.EnumerateArray().Select(c => c.GetString()!))
                {
                    if (code == ctx.RegionCode)
                        return FieldError.Invalid(field, "A region cannot be its own partner.");
                    if (await ctx.RegionAsync(code, ct) is null)
                        return FieldError.Invalid(field, $"No region has the code '{code}'.");
                }

                return null;
            case F.PartnerOrganisationIds:
                return await OrganisationsAsync(field, v, ctx, o => o.IsPartner, "a partner organisation", ct);
            case F.ResponsibleAgencyId:
                return await OrganisationAsync(field, v.GetGuid(), ctx, o => o.Kind == OrganisationKinds.Agency, "an agency", ct);
            case F.SupportingAgencyIds:
                return await OrganisationsAsync(field, v, ctx, o => o.Kind == OrganisationKinds.Agency, "an agency", ct);
            case F.StartYear:
                return v.GetInt32() >= ctx.StartYear && v.GetInt32() <= ctx.EndYear
                    ? null : FieldError.Invalid(field, $"A year of the planning period {ctx.StartYear}–{ctx.EndYear}.");
            case F.DurationYears:
                return v.GetInt32() is >= 1 and <= 30 ? null : FieldError.Invalid(field, "Between 1 and 5 years (more only with a legal basis).");
            case F.Priority:
                return v.GetInt32() is >= 1 and <= 3 ? null : FieldError.Invalid(field, "1 (high), 2 (medium) or 3 (low).");
            case F.Baseline:
                return v.ValueKind == JsonValueKind.Number && v.GetDecimal() >= 0 && v.GetDecimal() <= 1_000_000_000_000_000m
                    ? null : FieldError.Invalid(field, "A number of at least 0 (in the row's unit).");
            case F.ForwardBudget:
                return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var forward) && forward >= 0
                    ? null : FieldError.Invalid(field, "A whole, non-negative number of Rupiah.");
            case F.DprdApprovalRequired or F.CentralConsentRequired:
                return v.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : FieldError.Invalid(field, "true or false.");
            case F.YearlyPlans:
                return YearlyPlans(field, v, ctx);
            default:
                return FieldError.Invalid(field, "Not editable.");
        }
    }

    /// <summary>Rules across fields, on the row as it would be after the op.</summary>
    public static FieldError? CheckRow(IReadOnlyDictionary<string, string> values, ValidationContext ctx)
    {
        if (values.TryGetValue(F.CooperationType, out var type) && type == "\"KSDD-wajib\""
            && values.TryGetValue(F.PartnerRegionCodes, out var partners))
        {
            var notBordering = JsonSerializer.Deserialize<string[]>(partners)!.Where(p => !ctx.Neighbours.Contains(p)).ToList();
            if (notBordering.Count > 0)
            {
                return new FieldError("partner_not_bordering",
                    $"KSDD-wajib needs a bordering partner; {string.Join(", ", notBordering)} does not border {ctx.RegionCode}.",
                    F.PartnerRegionCodes);
            }
        }

        if (CheckCodeHierarchy(values) is { } codes)
            return codes;

        if (values.TryGetValue(F.DurationYears, out var duration) && int.Parse(duration, System.Globalization.CultureInfo.InvariantCulture) > 5
            && !values.ContainsKey(F.DurationLegalBasis))
        {
            return new FieldError("duration_over_five_years", "A cooperation lasts at most 5 years unless a legal basis is cited.", F.DurationYears);
        }

        return null;
    }

    /// <summary>A programme belongs to the row's affair, a kegiatan to the programme, a sub kegiatan to the kegiatan.</summary>
    private static FieldError? CheckCodeHierarchy(IReadOnlyDictionary<string, string> values)
    {
        (string Parent, string Child)[] pairs = [(F.AffairCode, F.ProgramCode), (F.ProgramCode, F.ActivityCode), (F.ActivityCode, F.SubActivityCode)];
        foreach (var (parentField, childField) in pairs)
        {
            if (values.TryGetValue(parentField, out var parentJson) && values.TryGetValue(childField, out var childJson))
            {
                var parent = JsonSerializer.Deserialize<string>(parentJson)!;
                var child = JsonSerializer.Deserialize<string>(childJson)!;
                if (!child.StartsWith(parent + ".", StringComparison.Ordinal))
                    return new FieldError("code_mismatch", $"{child} does not belong to {parent} ({parentField}).", childField);
            }
        }

        return null;
    }

    /// <summary>
    /// Checks a status change an op makes (the op's fields in <paramref name="canonical"/>, the row before it in
    /// <paramref name="before"/>): a new row starts as proposed; a change must be an allowed transition and carry a
    /// reason. Postponing records where the row was postponed from, so that it can resume there.
    /// </summary>
    public static FieldError? CheckStatusChange(IReadOnlyDictionary<string, string>? before, Dictionary<string, string?> canonical)
    {
        if (!canonical.TryGetValue(F.Status, out var toJson) || toJson is null)
            return canonical.ContainsKey(F.Status) && before is not null
                ? FieldError.Invalid(F.Status, "A row always has a status.") : null;
        var to = JsonSerializer.Deserialize<string>(toJson)!;
        if (before is null)
        {
            return to == StatusLifecycle.Initial ? null
                : new FieldError("invalid_transition", $"A new row starts as {StatusLifecycle.Initial}, not {to}.", F.Status);
        }

        var from = before.TryGetValue(F.Status, out var fromJson) ? JsonSerializer.Deserialize<string>(fromJson)! : StatusLifecycle.Initial;
        if (from == to)
            return null;
        var postponedFrom = before.TryGetValue(F.PostponedFrom, out var pf) ? JsonSerializer.Deserialize<string>(pf) : null;
        if (!StatusLifecycle.IsAllowed(from, to, postponedFrom))
        {
            var allowed = StatusLifecycle.Allowed(from, postponedFrom);
            return new FieldError("invalid_transition",
                $"{from} → {to} is not allowed; from {from} a row may move to {(allowed.Count == 0 ? "nothing (final)" : string.Join(", ", allowed))}.",
                F.Status);
        }

        if (!canonical.TryGetValue(F.StatusReason, out var reason) || reason is null || JsonSerializer.Deserialize<string>(reason)!.Trim().Length == 0)
            return new FieldError("reason_required", $"Say why the status changes from {from} to {to} ({F.StatusReason}).", F.StatusReason);
        if (to == Contracts.RowStatuses.Postponed)
            canonical[F.PostponedFrom] = JsonSerializer.Serialize(from);
        return null;
    }

    /// <summary>A kegiatan/sub kegiatan of the exercise's government level (the Registry's rule, <see cref="GovernmentLevels"/>).</summary>
    private static FieldError? OfLevel(string field, JsonElement v, ValidationContext ctx) =>
        GovernmentLevels.Fits(v.GetString()!, ctx.Level) ? null : Consolidation.PlanningCodeLevel.Error(field, v.GetString()!, ctx.Level);

    private static HashSet<string> Codes(IReadOnlyList<KerjaSama.SharedKernel.CodeLabel> vocabulary) =>
        new(vocabulary.Select(l => l.Code), StringComparer.Ordinal);

    /// <summary>The code as the exercise's level knows it; a series 3–8 code that only the other level has is of the wrong level.</summary>
    private static async ValueTask<FieldError?> NomenclatureAsync(string field, JsonElement v, ValidationContext ctx, CancellationToken ct)
    {
        var code = v.GetString()!;
        if (await ctx.NomenclatureAsync(code, ct) is not null)
            return null;
        return GovernmentLevels.IsLevelSeries(code) && await ctx.OtherLevelHasAsync(code, ct)
            ? Consolidation.PlanningCodeLevel.Error(field, code, ctx.Level)
            : new FieldError("unknown_code", $"'{code}' is not in the Registry's planning nomenclature.", field);
    }

    private static FieldError? OneOf(string field, JsonElement v, IReadOnlySet<string> allowed) =>
        allowed.Contains(v.GetString()!) ? null : FieldError.Invalid(field, $"One of: {string.Join(", ", allowed)}.");

    private static FieldError? Pattern(string field, JsonElement v, Regex pattern, string shape) =>
        pattern.IsMatch(v.GetString()!) ? null : FieldError.Invalid(field, $"Expected {shape}.");

    private static async ValueTask<FieldError?> OrganisationsAsync(string field, JsonElement v, ValidationContext ctx,
        Func<OrganisationInfo, bool> accept, string what, CancellationToken ct)
    {
        if (v.GetArrayLength() > 20)
            return FieldError.Invalid(field, "At most 20 organisations.");
        foreach (var id in v.EnumerateArray())
        {
            if (await OrganisationAsync(field, id.GetGuid(), ctx, accept, what, ct) is { } error)
                return error;
        }

        return null;
    }

    private static async ValueTask<FieldError?> OrganisationAsync(string field, Guid id, ValidationContext ctx,
        Func<OrganisationInfo, bool> accept, string what, CancellationToken ct)
    {
        var organisation = await ctx.OrganisationAsync(id, ct);
        return organisation is { Active: true } && accept(organisation) ? null : FieldError.Invalid(field, $"{id} is not {what} of the Registry.");
    }

    private static FieldError? YearlyPlans(string field, JsonElement v, ValidationContext ctx)
    {
        var years = new HashSet<int>();
        foreach (var plan in v.EnumerateArray())
        {
            var year = plan.GetProperty("year").GetInt32();
            if (year < ctx.StartYear || year > ctx.EndYear || !years.Add(year))
                return FieldError.Invalid(field, $"One plan per year of {ctx.StartYear}–{ctx.EndYear}.");
            if (plan.TryGetProperty("budget", out var budget) && budget.ValueKind != JsonValueKind.Null
                && !(budget.ValueKind == JsonValueKind.Number && budget.TryGetInt64(out var rupiah) && rupiah >= 0))
            {
                return FieldError.Invalid(field, $"The indicative budget of {year} is a whole, non-negative number of Rupiah.");
            }
            foreach (var text in new[] { "indicator", "target", "fundingSource" })
            {
                if (plan.TryGetProperty(text, out var t) && t.ValueKind != JsonValueKind.Null && (t.GetString() ?? "").Length > 500)
                    return FieldError.Invalid(field, $"{text} of at most 500 characters.");
            }
        }

        return null;
    }

    private static string Canonical(JsonElement value) => JsonSerializer.Serialize(value);

    [GeneratedRegex(@"^\d\.\d{2}\.\d{2}$")]
    private static partial Regex SubAffairPattern();

    [GeneratedRegex(@"^\d\.\d{2}\.\d{2}$")]
    private static partial Regex ProgramPattern();

    // The level digit: 1 provinsi, 2 kabupaten/kota, 3-8 the series whose level the Registry knows (docs/adr/0025).
    [GeneratedRegex(@"^\d\.\d{2}\.\d{2}\.[1-8]\.\d{2}$")]
    private static partial Regex ActivityPattern();

    [GeneratedRegex(@"^\d\.\d{2}\.\d{2}\.[1-8]\.\d{2}\.\d{4}$")]
    private static partial Regex SubActivityPattern();
}
