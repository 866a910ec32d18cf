using KerjaSama.Modularity.Security;

namespace KerjaSama.Planning.Live;

// Messages between the hub, the REST endpoints, the matrix grain and the hosts' fan-out. Field values travel as
// canonical JSON text so that every protocol and Orleans carry the same bytes.

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.AuthorMessage")]
internal sealed record AuthorMessage(
    [property: Id(0)] Guid UserId, [property: Id(1)] string DisplayName, [property: Id(2)] Guid OrganisationId,
    [property: Id(3)] string OrganisationName)
{
    public static AuthorMessage From(Caller c) => new(c.UserId, c.DisplayName, c.OrganisationId, c.OrganisationName);
}

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.OpRequest")]
internal sealed record OpRequest(
    [property: Id(0)] Guid SessionId, [property: Id(1)] Guid OpId, [property: Id(2)] string Kind, [property: Id(3)] Guid RowId,
    [property: Id(4)] Dictionary<string, string?> Fields, [property: Id(5)] long BaseSeq);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.OverwriteMessage")]
internal sealed record OverwriteMessage(
    [property: Id(0)] string Field, [property: Id(1)] long PreviousSeq, [property: Id(2)] AuthorMessage PreviousAuthor,
    [property: Id(3)] string? PreviousValue);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.OpResult")]
internal sealed record OpResult(
    [property: Id(0)] Guid OpId, [property: Id(1)] long Seq, [property: Id(2)] string Outcome, [property: Id(3)] FieldError? Error,
    [property: Id(4)] List<OverwriteMessage> Overwrites);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.OpMessage")]
internal sealed record OpMessage(
    [property: Id(0)] Guid SessionId, [property: Id(1)] long Seq, [property: Id(2)] Guid OpId, [property: Id(3)] string Kind,
    [property: Id(4)] Guid RowId, [property: Id(5)] Dictionary<string, string?> Fields, [property: Id(6)] AuthorMessage Author,
    [property: Id(7)] DateTimeOffset At, [property: Id(8)] List<OverwriteMessage> Overwrites);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.RowMessage")]
internal sealed record RowMessage(
    [property: Id(0)] Guid RowId, [property: Id(1)] Guid OwnerOrganisationId, [property: Id(2)] Dictionary<string, string> Fields,
    [property: Id(3)] long Seq);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.ParticipantMessage")]
internal sealed record ParticipantMessage(
    [property: Id(0)] Caller Caller, [property: Id(1)] Guid? FocusRowId, [property: Id(2)] string? FocusField);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.JoinOutcome")]
internal sealed record JoinOutcome(
    [property: Id(0)] FieldError? Error, [property: Id(1)] Guid SessionId, [property: Id(2)] long Seq, [property: Id(3)] string State,
    [property: Id(4)] List<RowMessage>? Rows, [property: Id(5)] List<OpMessage> Ops, [property: Id(6)] List<ParticipantMessage> Participants);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.SessionInfo")]
internal sealed record SessionInfo(
    [property: Id(0)] Guid SessionId, [property: Id(1)] Guid ExerciseId, [property: Id(2)] string State, [property: Id(3)] FieldError? Error,
    [property: Id(4)] long Seq);
