namespace KerjaSama.Planning.Live;

/// <summary>
/// The transient presence of a matrix's current session for the live monitor: who is connected now and which
/// organisations joined since the session opened (kept by the grain's activation; not durable).
/// </summary>
[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.PresenceSnapshot")]
internal sealed record PresenceSnapshot(
    [property: Id(0)] Guid SessionId, [property: Id(1)] List<ParticipantMessage> Participants, [property: Id(2)] List<Guid> JoinedOrganisations);
