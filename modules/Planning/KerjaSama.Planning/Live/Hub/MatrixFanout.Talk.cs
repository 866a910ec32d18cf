namespace KerjaSama.Planning.Live.Hub;

// Issue 19: comments and duplicate pairs go to the session's group like presence; applied ops wake the duplicates
// grain after they are sent (one-way, off the commit and ack path).
internal sealed partial class MatrixFanout
{
    public Task OnComment(Guid exerciseId, Guid sessionId, CommentMessage comment) =>
        hub.Clients.Group(Group(sessionId)).CommentChanged(TalkMapping.ToComment(comment));

    public Task OnDuplicates(Guid exerciseId, Guid sessionId, List<PairMessage> pairs) =>
        hub.Clients.Group(Group(sessionId)).Duplicates(sessionId, pairs.Select(TalkMapping.ToPair).ToList());

    /// <summary>Tells the exercise's duplicates grain that rows changed up to the batch's last sequence.</summary>
    private void WakeDuplicates(Guid exerciseId, List<OpMessage> ops)
    {
        if (ops.Count == 0)
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
}
