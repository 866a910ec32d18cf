using System.Collections.Concurrent;
using System.Threading.Channels;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KerjaSama.Modularity.Jobs;

/// <summary>
/// The host's queue of background jobs: work that takes more than a second (an import, a PDF document) runs here, reports
/// its progress, and can be cancelled by its owner until it starts writing. Jobs live in the memory of the host that
/// accepted them (the load balancer keeps a browser on one host, as the hubs need); a restart forgets them, and the
/// owner starts again. Results are kept for <see cref="JobOptions.KeepMinutes"/>.
/// </summary>
public sealed partial class BackgroundJobs(IServiceScopeFactory scopes, IOptions<JobOptions> options, TimeProvider clock, ILogger<BackgroundJobs> log)
    : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();
    private readonly Channel<Job> _queue = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Lock _admission = new();

    /// <summary>Queues a job for <paramref name="owner"/>; a refusal (too many jobs) comes back as a problem result.</summary>
    public (JobStatus? Status, IResult? Refusal) Start(Caller owner, string kind, string title, Func<JobContext, Task<IResult>> work)
    {
        Sweep();
        var o = options.Value;
        Job job;
        lock (_admission)
        {
            var active = _jobs.Values.Where(j => !JobStates.IsFinished(j.State)).ToList();
            if (active.Count >= o.MaxQueued)
                return (null, Refuse(StatusCodes.Status503ServiceUnavailable, "jobs_busy", Msg.Of("jobs_busy")));
            if (active.Count(j => j.Owner == owner.UserId) >= o.MaxPerUser)
                return (null, Refuse(StatusCodes.Status429TooManyRequests, "jobs_per_user", Msg.Of("jobs_per_user", o.MaxPerUser)));
            job = new Job(Guid.NewGuid(), owner.UserId, kind, title, work, clock.GetUtcNow());
            _jobs[job.Id] = job;
        }

        _queue.Writer.TryWrite(job);
        return (job.ToStatus(), null);
    }

    /// <summary>The job, when it exists and belongs to <paramref name="userId"/> (others are told it does not exist).</summary>
    public JobStatus? Find(Guid id, Guid userId) => Get(id, userId)?.ToStatus();

    public IReadOnlyList<JobStatus> Mine(Guid userId) =>
        [.. _jobs.Values.Where(j => j.Owner == userId).OrderByDescending(j => j.CreatedAt).Select(j => j.ToStatus())];

    /// <summary>The result of a finished job, or null when it has none (not found, not finished, failed or cancelled).</summary>
    public IResult? Result(Guid id, Guid userId) => Get(id, userId) is { State: JobStates.Succeeded } job ? job.Outcome : null;

    /// <summary>Cancels a queued or running job; false when it already finished or is writing.</summary>
    public bool Cancel(Guid id, Guid userId) => Get(id, userId) is { } job && job.Cancel(clock.GetUtcNow());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, Math.Max(1, options.Value.MaxConcurrent)).Select(_ => WorkAsync(stoppingToken));
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
                await RunAsync(job, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // host stopping
        }
    }

    private async Task RunAsync(Job job, CancellationToken stoppingToken)
    {
        if (!job.TryStart())
            return;
        await using var registration = stoppingToken.Register(() => job.Cancellation.Cancel());
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var outcome = await job.Work(new JobContext(job, scope.ServiceProvider));
            job.Finish(JobStates.Succeeded, outcome, null, null, clock.GetUtcNow());
        }
        catch (OperationCanceledException) when (job.Cancellation.IsCancellationRequested && !job.Committing)
        {
            job.Finish(JobStates.Cancelled, null, "job_cancelled", "The job was cancelled; nothing was written.", clock.GetUtcNow());
        }
        catch (JobFailedException e)
        {
            LogJobRefused(log, job.Kind, job.Id, e.Code, e.Message);
            job.Finish(JobStates.Failed, null, e.Code, e.Message, clock.GetUtcNow());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogJobFailed(log, e, job.Kind, job.Id);
            job.Finish(JobStates.Failed, null, "job_failed", "The job failed on the server; the details are in the server log.", clock.GetUtcNow());
        }
    }

    private Job? Get(Guid id, Guid userId) => _jobs.TryGetValue(id, out var job) && job.Owner == userId ? job : null;

    private void Sweep()
    {
        var before = clock.GetUtcNow().AddMinutes(-options.Value.KeepMinutes);
        foreach (var job in _jobs.Values.Where(j => j.FinishedAt is { } f && f < before))
            _jobs.TryRemove(job.Id, out _);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Refuse(int status, string code, Msg detail) =>
        TypedResults.Problem(detail.ToString(), statusCode: status, title: Messages.Text(status == 429 ? "title.jobs_per_user" : "title.jobs_busy"),
            extensions: new Dictionary<string, object?> { ["code"] = code });

    internal sealed class Job(Guid id, Guid owner, string kind, string title, Func<JobContext, Task<IResult>> work, DateTimeOffset createdAt)
    {
        private readonly Lock _gate = new();

        public Guid Id { get; } = id;
        public Guid Owner { get; } = owner;
        public string Kind { get; } = kind;
        public DateTimeOffset CreatedAt { get; } = createdAt;
        public Func<JobContext, Task<IResult>> Work { get; } = work;
        public CancellationTokenSource Cancellation { get; } = new();
        public string State { get; private set; } = JobStates.Queued;
        public bool Committing { get; private set; }
        public IResult? Outcome { get; private set; }
        public DateTimeOffset? FinishedAt { get; private set; }
        private string _stage = JobStages.Queued;
        private int _done;
        private int _total;
        private string? _errorCode;
        private string? _error;

        public bool TryStart()
        {
            lock (_gate)
            {
                if (State != JobStates.Queued)
                    return false;
                State = JobStates.Running;
                return true;
            }
        }

        public void SetProgress(string stage, int done, int total)
        {
            lock (_gate)
                (_stage, _done, _total) = (stage, done, total);
        }

        public void BeginCommit(string stage)
        {
            lock (_gate)
            {
                Cancellation.Token.ThrowIfCancellationRequested();
                Committing = true;
                _stage = stage;
            }
        }

        public bool Cancel(DateTimeOffset now)
        {
            lock (_gate)
            {
                if (JobStates.IsFinished(State) || Committing)
                    return false;
                Cancellation.Cancel();
                if (State == JobStates.Queued)
                    (State, FinishedAt, _errorCode, _error) = (JobStates.Cancelled, now, "job_cancelled", "The job was cancelled before it started.");
                return true;
            }
        }

        public void Finish(string state, IResult? outcome, string? code, string? error, DateTimeOffset now)
        {
            lock (_gate)
            {
                if (JobStates.IsFinished(State))
                    return;
                (State, Outcome, _errorCode, _error, FinishedAt) = (state, outcome, code, error, now);
                if (state == JobStates.Succeeded)
                    _stage = JobStages.Done;
            }
        }

        public JobStatus ToStatus()
        {
            lock (_gate)
            {
                return new JobStatus(Id, Kind, title, State, _stage, _done, _total, !JobStates.IsFinished(State) && !Committing, _errorCode, _error,
                    $"/api/jobs/{Id}", State == JobStates.Succeeded ? $"/api/jobs/{Id}/result" : null,
                    State == JobStates.Succeeded ? (Outcome as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK : null, CreatedAt, FinishedAt);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Kind} {Id} failed: {Code} {Message}")]
    private static partial void LogJobRefused(ILogger log, string kind, Guid id, string code, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Kind} {Id} failed")]
    private static partial void LogJobFailed(ILogger log, Exception exception, string kind, Guid id);
}
