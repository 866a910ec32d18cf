namespace KerjaSama.Modularity.Jobs;

/// <summary>The states of a background job, as the status endpoint reports them.</summary>
public static class JobStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsFinished(string state) => state is Succeeded or Failed or Cancelled;
}

/// <summary>What a running job is doing: a stage code (<c>reading</c>, <c>checking</c>, <c>writing</c>, <c>building</c>, <c>converting</c>) and a count.</summary>
public static class JobStages
{
    public const string Queued = "queued";
    public const string Reading = "reading";
    public const string Checking = "checking";
    public const string Writing = "writing";
    public const string Building = "building";
    public const string Converting = "converting";
    public const string Done = "done";
}

/// <summary>
/// A job as its owner sees it (<c>GET /api/jobs/{id}</c>). <c>succeeded</c> means the work ran to its end; its answer may
/// still be a refusal (an import with bad lines): <c>ResultStatus</c> is the HTTP status of <c>ResultUrl</c>.
/// </summary>
public sealed record JobStatus(Guid Id, string Kind, string Title, string State, string Stage, int Done, int Total, bool Cancellable,
    string? ErrorCode, string? Error, string StatusUrl, string? ResultUrl, int? ResultStatus, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

/// <summary>Thrown by a job's work to fail it with a stable code and a message for its owner.</summary>
public sealed class JobFailedException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
