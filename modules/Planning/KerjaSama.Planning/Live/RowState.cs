namespace KerjaSama.Planning.Live;

/// <summary>A field's last write: the op's sequence and author.</summary>
internal sealed record Stamp(long Seq, AuthorMessage Author);

/// <summary>The grain's in-memory copy of a row; cloned before a batch changes it, so a failed commit changes nothing.</summary>
internal sealed class RowState
{
    public Guid Id { get; init; }

    public Guid Owner { get; init; }

    public Dictionary<string, string> Values { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, Stamp> Stamps { get; init; } = new(StringComparer.Ordinal);

    public bool Removed { get; set; }

    public long CreatedSeq { get; init; }

    public long UpdatedSeq { get; set; }

    public RowState Clone() => new()
    {
        Id = Id, Owner = Owner, Values = new(Values, StringComparer.Ordinal), Stamps = new(Stamps, StringComparer.Ordinal),
        Removed = Removed, CreatedSeq = CreatedSeq, UpdatedSeq = UpdatedSeq,
    };
}
