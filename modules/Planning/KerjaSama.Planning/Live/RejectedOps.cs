namespace KerjaSama.Planning.Live;

/// <summary>Settings under <c>KerjaSama:Limits:RejectedOps</c>: how many rejected ops one matrix remembers.</summary>
internal sealed class RejectedOpsOptions
{
    public const string Section = "KerjaSama:Limits:RejectedOps";

    public int Capacity { get; set; } = 10_000;
}

/// <summary>
/// Rejected ops of one matrix, so that a repeated op id gets its original answer; bounded, the oldest forgotten
/// first. A forgotten op that comes again is decided anew: it changed nothing when rejected, so it is still applied at
/// most once (applied ops are remembered by the op log, without bound).
/// </summary>
internal sealed class RejectedOps(int capacity)
{
    private readonly Dictionary<Guid, OpResult> _results = [];
    private readonly Queue<Guid> _order = new();

    public int Count => _results.Count;

    public bool TryGet(Guid opId, out OpResult result) => _results.TryGetValue(opId, out result!);

    public void Add(OpResult result)
    {
        if (capacity <= 0 || !_results.TryAdd(result.OpId, result))
            return;
        _order.Enqueue(result.OpId);
        while (_results.Count > capacity)
            _results.Remove(_order.Dequeue());
    }
}
