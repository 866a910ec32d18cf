namespace KerjaSama.Planning.Contracts.Sessions;

/// <summary>
/// A live session of an exercise, or the reason a request about one was refused: <see cref="ErrorCode"/> is null on
/// success, otherwise e.g. <c>forbidden</c>, <c>exercise_not_found</c>, <c>unknown_session</c>, <c>session_closed</c>.
/// </summary>
public sealed record LiveSessionStatus(Guid SessionId, Guid ExerciseId, string State, string? ErrorCode = null, string? ErrorMessage = null);
