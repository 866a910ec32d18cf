using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Live.Hub;

// Issue 19: comments and duplicate pairs go to the session's group like presence; applied ops wake the duplicates
// grain after they are sent (one-way, off the commit and ack path).
internal sealed partial class MatrixFanout
{
    public Task OnComment(Guid exerciseId, Guid sessionId, CommentMessage comment) =>
        hub.Clients.Group(Group(sessionId)).CommentChanged(TalkMapping.ToComment(comment));

    public Task OnDuplicates(Guid exerciseId, Guid sessionId, List<PairMessage> pairs) =>
        hub.Clients.Group(Group(sessionId)).Duplicates(sessionId, pairs.Select(TalkMapping.ToPair).ToList());

    /// <summary>
    /// Tells the exercise's duplicates grain that rows changed up to the batch's last sequence, when the batch touches
    /// what it compares (rows added or removed, affair, potential, object, merge): an edit of a budget or a note wakes
    /// nothing, and the grain reads every row again at the next wake anyway.
    /// </summary>
    private void WakeDuplicates(Guid exerciseId, List<OpMessage> ops)
    {
        if (!ops.Exists(ConcernsDuplicates))
            return;
        try
        {
            _ = matrices.Duplicates(exerciseId).Changed(ops[^1].Seq);
        }
        catch (Exception ex)
        {
            LogFanoutFailed(ex, exerciseId);
        }
    }

    private static bool ConcernsDuplicates(OpMessage op) =>
        op.Kind != OpKinds.Update || op.Fields.Keys.Any(DuplicateFields.Contains);

    private static readonly HashSet<string> DuplicateFields =
        [MatrixFieldNames.AffairCode, MatrixFieldNames.Potential, MatrixFieldNames.CooperationObject, MatrixFieldNames.MergedInto];
}
