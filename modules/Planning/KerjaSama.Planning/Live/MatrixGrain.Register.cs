using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Live;

// The register path: changes outside live sessions (consolidation, TKKSD review, lifecycle, imports, other modules).
// Same sequencer, op log, transaction and fan-out as live ops; a batch is validated as a whole and applied all or
// nothing. Ops carry the exercise's latest session id so that boards joined to it receive them.
internal sealed partial class MatrixGrain
{

    public async Task<RegisterResult> ApplyRegister(Caller caller, RegisterBatch batch)
    {
        if (batch.Ops.Count == 0)
            return Refused(new FieldError(RejectionCodes.InvalidOp, "A batch needs at least one op."));
        if (!await EnsureLoadedAsync())
            return Refused(Unavailable(RejectionCodes.NotCommitted));
        await ResolveOpIdsAsync(batch.Ops.Select(o => o.OpId));
        if (batch.Ops.All(o => _applied.ContainsKey(o.OpId)))
            return new RegisterResult(true, [.. batch.Ops.Select(o => _applied[o.OpId])], [], Duplicate: true);
        if (await AuthorizeRegisterAsync(caller, batch.Authority) is { } denied)
            return Refused(denied);

        await _gate.WaitAsync();
        try
        {
            if (!await TryLoadLockedAsync())
                return Refused(Unavailable(RejectionCodes.NotCommitted));
            return await ApplyRegisterLockedAsync(caller, batch);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<RegisterResult> ApplyRegisterLockedAsync(Caller caller, RegisterBatch batch)
    {
        var touched = new Dictionary<Guid, (RowState Row, bool IsNew)>();
        var messages = new List<OpMessage>();
        var errors = new List<RegisterError>();
        var sessionId = _session?.Id ?? Guid.Empty;
        var seq = _seq;
        var opIds = new HashSet<Guid>();
        for (var i = 0; i < batch.Ops.Count; i++)
        {
            var op = batch.Ops[i];
            if (_applied.ContainsKey(op.OpId) || !opIds.Add(op.OpId))
            {
                errors.Add(new RegisterError(i, op.RowId, new FieldError(RejectionCodes.InvalidOp, $"The op id {op.OpId} is used already.")));
                continue;
            }

            if (CheckRegisterOp(caller, batch.Authority, op, touched) is { } refused)
            {
                errors.Add(new RegisterError(i, op.RowId, refused));
                continue;
            }

            var request = new OpRequest(sessionId, op.OpId, op.Kind, op.RowId, op.Fields, seq);
            var (message, error) = await ApplyAsync(caller, request, seq + 1, touched, register: true);
            if (error is not null)
            {
                errors.Add(new RegisterError(i, op.RowId, error));
                continue;
            }

            if (op.Kind == OpKinds.Add && op.Owner is { } owner && owner != Guid.Empty)
            {
                var row = touched[op.RowId].Row;
                touched[op.RowId] = (new RowState
                {
                    Id = row.Id, Owner = owner, Values = row.Values, Stamps = row.Stamps, Removed = row.Removed,
                    CreatedSeq = row.CreatedSeq, UpdatedSeq = row.UpdatedSeq,
                }, true);
            }

            seq++;
            messages.Add(message!);
        }

        if (errors.Count > 0)
            return new RegisterResult(false, [], errors);
        var started = clock.GetTimestamp();
        try
        {
            await store.CommitAsync(ExerciseId, messages, touched.Values, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogCommitFailed(ex, ExerciseId, messages.Count);
            metrics.CommitFailed(messages.Count, clock.GetElapsedTime(started));
            _loaded = false;
            return Refused(new FieldError(RejectionCodes.NotCommitted, "The change could not be saved; nothing was changed. Try again."));
        }

        metrics.Committed(messages.Count, 0, messages.Count, clock.GetElapsedTime(started));
        _seq = seq;
        foreach (var (row, _) in touched.Values)
            _rows[row.Id] = row;
        foreach (var message in messages)
        {
            _applied[message.OpId] = message.Seq;
            _recent.Add(message);
        }

        if (_recent.Count > RecentCapacity + 2_000)
            _recent.RemoveRange(0, _recent.Count - RecentCapacity);
        await NotifyAppliedAsync(messages);
        return new RegisterResult(true, [.. messages.Select(m => m.Seq)], []);
    }

    private static RegisterResult Refused(FieldError error) => new(false, [], [new RegisterError(-1, Guid.Empty, error)]);

    private async Task<FieldError?> AuthorizeRegisterAsync(Caller caller, string authority)
    {
        switch (authority)
        {
            case RegisterAuthorities.Module:
                return null;
            case RegisterAuthorities.Answer:
                return caller.CanContribute ? null : new FieldError(RejectionCodes.Forbidden, "Observers do not answer questions.");
            case RegisterAuthorities.Review:
                return caller.CanFacilitate ? null : new FieldError(RejectionCodes.Forbidden, "The secretariat records the TKKSD's decisions.");
            case RegisterAuthorities.Consolidation:
                return caller.CanFacilitate || await IsPlanningAgencyAsync(caller)
                    ? null : new FieldError(RejectionCodes.Forbidden, "Only the secretariat and the planning agency consolidate the matrix.");
            default:
                return new FieldError(RejectionCodes.Forbidden, $"Unknown authority '{authority}'.");
        }
    }

    /// <summary>
    /// The planning agency (Bapperida/Bappeda) is identified from the Registry, not from a role: an active agency of
    /// the exercise's region that handles the supporting affair 5.01 Perencanaan (docs/adr/0008-*).
    /// </summary>
    public async Task<bool> IsPlanningAgencyAsync(Caller caller) =>
        caller.CanContribute
        && await _validation.OrganisationAsync(caller.OrganisationId, CancellationToken.None) is { } organisation
        && Exercises.ExerciseAccess.IsPlanningAgency(organisation)
        && organisation.RegionCode == _validation.RegionCode;

    private FieldError? CheckRegisterOp(Caller caller, string authority, RegisterOp op, Dictionary<Guid, (RowState Row, bool IsNew)> touched)
    {
        var allowed = authority switch
        {
            RegisterAuthorities.Review => RegisterAuthorities.ReviewFields,
            RegisterAuthorities.Answer => RegisterAuthorities.AnswerFields,
            RegisterAuthorities.Module => RegisterAuthorities.ModuleFields,
            _ => null,
        };
        if (allowed is not null)
        {
            if (op.Kind != OpKinds.Update)
                return new FieldError(RejectionCodes.Forbidden, $"The {authority} path only updates rows.");
            if (op.Fields.Keys.FirstOrDefault(f => !allowed.Contains(f)) is { } field)
                return new FieldError(RejectionCodes.Forbidden, $"'{field}' cannot be changed through {authority}.", field);
        }
        else if (op.Fields.ContainsKey(MatrixFieldNames.ReviewDecision) || op.Fields.ContainsKey(MatrixFieldNames.ReviewNote))
        {
            return new FieldError(RejectionCodes.Forbidden, "TKKSD decisions are recorded through the review.", MatrixFieldNames.ReviewDecision);
        }

        if (authority == RegisterAuthorities.Answer)
        {
            var row = touched.TryGetValue(op.RowId, out var t) ? t.Row : _rows.GetValueOrDefault(op.RowId);
            if (row is not null && row.Owner != caller.OrganisationId)
                return new FieldError(RejectionCodes.Forbidden, "Only the owning agency answers a question on its row.");
        }

        return null;
    }
}
