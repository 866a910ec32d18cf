namespace KerjaSama.Planning.Live;

internal sealed partial class MatrixGrain
{
    /// <summary>
    /// Tells every subscribed host about a committed batch. This host's own fan-out, when subscribed, is handed the
    /// batch directly (in order, on the thread pool) instead of through an Orleans message to a local object: the same
    /// observer contract without the message, its scheduling and its pump, on the path of every live edit. Other hosts
    /// are notified through Orleans as before. A silo without the web host (the cluster tests' silos) has no fan-out of
    /// its own and notifies every subscriber through Orleans.
    /// </summary>
    private Task NotifyAppliedAsync(List<OpMessage> messages)
    {
        var local = fanout?.LocalObserverId;
        var handLocally = false;
        var remote = _observers.Notify(o => o.OnApplied(ExerciseId, messages), o =>
        {
            if (local is { } id && o.GetGrainId() == id)
            {
                handLocally = true;
                return false;
            }

            return true;
        });
        if (handLocally)
            fanout!.Deliver(ExerciseId, messages);
        return remote;
    }
}
