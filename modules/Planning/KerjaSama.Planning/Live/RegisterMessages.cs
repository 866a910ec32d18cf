using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Live;

/// <summary>
/// Who a register batch acts as; the grain checks the caller against it and limits the fields it may write.
/// </summary>
internal static class RegisterAuthorities
{
    /// <summary>The secretariat (facilitators) or the planning agency: edit, merge, send back, link codes, transitions, import.</summary>
    public const string Consolidation = "consolidation";

    /// <summary>The secretariat recording TKKSD decisions: decision, note, priority and the status they imply.</summary>
    public const string Review = "review";

    /// <summary>The owning agency answering a question sent back to it.</summary>
    public const string Answer = "answer";

    /// <summary>Another module through <c>IPlanningRowStatus</c> (trusted in process): status and reason only.</summary>
    public const string Module = "module";

    public static readonly IReadOnlySet<string> ReviewFields = new HashSet<string>(
        [MatrixFieldNames.ReviewDecision, MatrixFieldNames.ReviewNote, MatrixFieldNames.Priority, MatrixFieldNames.Status, MatrixFieldNames.StatusReason],
        StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> AnswerFields = new HashSet<string>([MatrixFieldNames.Answer, MatrixFieldNames.Question], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> ModuleFields = new HashSet<string>([MatrixFieldNames.Status, MatrixFieldNames.StatusReason], StringComparer.Ordinal);
}

/// <summary>One op of a register batch; <see cref="Owner"/> sets the owning organisation of an added row (imports).</summary>
[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.RegisterOp")]
internal sealed record RegisterOp(
    [property: Id(0)] Guid OpId, [property: Id(1)] string Kind, [property: Id(2)] Guid RowId, [property: Id(3)] Dictionary<string, string?> Fields,
    [property: Id(4)] Guid? Owner = null);

/// <summary>Changes made outside a live session, applied all or nothing as consecutive ops of the matrix.</summary>
[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.RegisterBatch")]
internal sealed record RegisterBatch([property: Id(0)] string Authority, [property: Id(1)] List<RegisterOp> Ops);

/// <summary>Why op number <see cref="Index"/> of a batch was refused (index -1: the whole batch).</summary>
[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.RegisterError")]
internal sealed record RegisterError([property: Id(0)] int Index, [property: Id(1)] Guid RowId, [property: Id(2)] FieldError Error);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.RegisterResult")]
internal sealed record RegisterResult(
    [property: Id(0)] bool Applied, [property: Id(1)] List<long> Seqs, [property: Id(2)] List<RegisterError> Errors,
    [property: Id(3)] bool Duplicate = false);
