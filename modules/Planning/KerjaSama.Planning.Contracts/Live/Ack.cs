namespace KerjaSama.Planning.Contracts.Live;

/// <summary>The answer to <c>Submit</c>. An <c>applied</c> op is durably committed before this is sent.</summary>
public sealed record Ack
{
    public Guid OpId { get; init; }

    /// <summary>The op's sequence number; 0 when rejected.</summary>
    public long Seq { get; init; }

    /// <summary><c>applied</c>, <c>duplicate</c> or <c>rejected</c>.</summary>
    public string Outcome { get; init; } = "";

    public AckError? Error { get; init; }

    /// <summary>Fields whose newer value, written by someone else after the op's base sequence, this op overwrote.</summary>
    public List<Overwrite> Overwrites { get; init; } = [];
}

/// <summary>Why an op was rejected: a stable <see cref="Code"/> and a message for people.</summary>
public sealed record AckError
{
    public string Code { get; init; } = "";

    public string Message { get; init; } = "";

    /// <summary>The field at fault, when one is.</summary>
    public string? Field { get; init; }
}

/// <summary>A value that was overwritten: by whom it had been written, at which sequence, and what it was.</summary>
public sealed record Overwrite
{
    public string Field { get; init; } = "";

    public long PreviousSeq { get; init; }

    public Author PreviousAuthor { get; init; } = new();

    public object? PreviousValue { get; init; }
}
