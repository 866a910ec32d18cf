using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Live;

/// <summary>Maps grain messages to the hub contract.</summary>
internal static class LiveMapping
{
    public static Author ToAuthor(AuthorMessage a) => new()
    {
        UserId = a.UserId, DisplayName = a.DisplayName, OrganisationId = a.OrganisationId, OrganisationName = a.OrganisationName,
    };

    public static List<Overwrite> ToOverwrites(List<OverwriteMessage> overwrites) =>
        [.. overwrites.Select(o => new Overwrite
        {
            Field = o.Field, PreviousSeq = o.PreviousSeq, PreviousAuthor = ToAuthor(o.PreviousAuthor), PreviousValue = FieldValues.FromJson(o.PreviousValue),
        })];

    public static AppliedOp ToApplied(OpMessage op) => new()
    {
        SessionId = op.SessionId, Seq = op.Seq, OpId = op.OpId, Kind = op.Kind, RowId = op.RowId, Fields = FieldValues.FromJson(op.Fields),
        Author = ToAuthor(op.Author), At = op.At, Overwrites = ToOverwrites(op.Overwrites),
    };

    public static Ack ToAck(OpResult r) => new()
    {
        OpId = r.OpId, Seq = r.Seq, Outcome = r.Outcome,
        Error = LiveText.Error(r.Error),
        Overwrites = ToOverwrites(r.Overwrites),
    };

    public static Participant ToParticipant(ParticipantMessage p) => new()
    {
        UserId = p.Caller.UserId, DisplayName = p.Caller.DisplayName, OrganisationId = p.Caller.OrganisationId,
        OrganisationName = p.Caller.OrganisationName, Role = p.Caller.Role, FocusRowId = p.FocusRowId, FocusField = p.FocusField,
    };

    public static MatrixRowSnapshot ToSnapshot(RowMessage r) => new()
    {
        RowId = r.RowId, OwnerOrganisationId = r.OwnerOrganisationId,
        Fields = r.Fields.ToDictionary(kv => kv.Key, kv => FieldValues.FromJson(kv.Value), StringComparer.Ordinal), Seq = r.Seq,
    };

    public static JoinResult ToJoinResult(JoinOutcome o) => new()
    {
        SessionId = o.SessionId, Seq = o.Seq, State = o.State, Rows = o.Rows?.Select(ToSnapshot).ToList(),
        Ops = [.. o.Ops.Select(ToApplied)], Participants = [.. o.Participants.Select(ToParticipant)],
    };
}
