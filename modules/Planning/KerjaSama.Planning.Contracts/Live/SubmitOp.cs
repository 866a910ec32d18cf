namespace KerjaSama.Planning.Contracts.Live;

/// <summary>One edit of a mapping matrix sent to the hub's <c>Submit</c>.</summary>
public sealed record SubmitOp
{
    public Guid SessionId { get; init; }

    /// <summary>Client-generated; a repeated op id is answered with the original result and never applied twice.</summary>
    public Guid OpId { get; init; }

    /// <summary><c>row.add</c>, <c>row.update</c> or <c>row.remove</c> (see <see cref="OpKinds"/>).</summary>
    public string Kind { get; init; } = "";

    public Guid RowId { get; init; }

    /// <summary>Field name → new value (see <see cref="MatrixFieldNames"/>); null clears a field.</summary>
    public Dictionary<string, object?> Fields { get; init; } = [];

    /// <summary>The last sequence number the client had seen when the user made the edit.</summary>
    public long BaseSeq { get; init; }
}
