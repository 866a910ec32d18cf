namespace KerjaSama.Planning.Contracts.Live;

/// <summary>What the facilitator's board shows; following boards filter and scroll to it.</summary>
public sealed record FacilitatorView
{
    public Guid SessionId { get; init; }

    public string? AffairCode { get; init; }

    /// <summary>The search text (at most 200 characters).</summary>
    public string? Search { get; init; }

    /// <summary>The first row in the facilitator's viewport.</summary>
    public Guid? TopRowId { get; init; }

    /// <summary>The row the facilitator has in focus, if any.</summary>
    public Guid? FocusRowId { get; init; }

    /// <summary>Set by <c>BringEveryone</c>: every board starts following.</summary>
    public bool BringEveryone { get; init; }

    /// <summary>Who shared it.</summary>
    public string FacilitatorName { get; init; } = "";

    /// <summary>Increases with every shared view of the session (boards ignore older ones).</summary>
    public long Version { get; init; }
}
