namespace KerjaSama.Planning.Live.Facilitation;

// Facilitation messages between the hub, the matrix grain and the hosts' fan-out. The grain keeps every vote; what a
// connection may see of them is cut on the host (FacilitationViews), never by the board.

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.TimerMessage")]
internal sealed record TimerMessage(
    [property: Id(0)] Guid SessionId, [property: Id(1)] bool Active, [property: Id(2)] string Label, [property: Id(3)] string? AffairCode,
    [property: Id(4)] List<Guid> RowIds, [property: Id(5)] int DurationSeconds, [property: Id(6)] bool Running,
    [property: Id(7)] DateTimeOffset? EndsAt, [property: Id(8)] long RemainingMs);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.VoteMessage")]
internal sealed record VoteMessage(
    [property: Id(0)] Guid OrganisationId, [property: Id(1)] string OrganisationName, [property: Id(2)] Guid RowId, [property: Id(3)] int Votes);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.VoteRoundMessage")]
internal sealed record VoteRoundMessage(
    [property: Id(0)] Guid RoundId, [property: Id(1)] Guid SessionId, [property: Id(2)] string Label, [property: Id(3)] string? AffairCode,
    [property: Id(4)] List<Guid> RowIds, [property: Id(5)] int VotesPerOrganisation, [property: Id(6)] string State,
    [property: Id(7)] bool Revealed, [property: Id(8)] List<VoteMessage> Votes, [property: Id(9)] List<Guid> Voters);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.ViewMessage")]
internal sealed record ViewMessage(
    [property: Id(0)] Guid SessionId, [property: Id(1)] string? AffairCode, [property: Id(2)] string? Search, [property: Id(3)] Guid? TopRowId,
    [property: Id(4)] Guid? FocusRowId, [property: Id(5)] bool BringEveryone, [property: Id(6)] string FacilitatorName, [property: Id(7)] long Version);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.VoteStart")]
internal sealed record VoteStart(
    [property: Id(0)] Guid SessionId, [property: Id(1)] string Label, [property: Id(2)] string? AffairCode, [property: Id(3)] List<Guid>? RowIds,
    [property: Id(4)] int VotesPerOrganisation);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.TimerChange")]
internal sealed record TimerChange(
    [property: Id(0)] Guid SessionId, [property: Id(1)] string Action, [property: Id(2)] string? Label, [property: Id(3)] string? AffairCode,
    [property: Id(4)] List<Guid>? RowIds, [property: Id(5)] int Seconds);

/// <summary>The session's facilitation state; <see cref="Error"/> when a call was refused (then nothing changed).</summary>
[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.FacilitationSnapshot")]
internal sealed record FacilitationSnapshot(
    [property: Id(0)] FieldError? Error, [property: Id(1)] TimerMessage? Timer, [property: Id(2)] VoteRoundMessage? Round,
    [property: Id(3)] ViewMessage? View);
