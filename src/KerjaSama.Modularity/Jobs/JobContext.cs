namespace KerjaSama.Modularity.Jobs;

/// <summary>What a job's work sees: its services (one scope per job), its cancellation and a way to report progress.</summary>
public sealed class JobContext
{
    private readonly BackgroundJobs.Job _job;

    internal JobContext(BackgroundJobs.Job job, IServiceProvider services)
    {
        _job = job;
        Services = services;
    }

    public IServiceProvider Services { get; }

    /// <summary>Cancelled when the owner cancels the job or the host stops; never after <see cref="BeginCommit"/>.</summary>
    public CancellationToken Cancellation => _job.Cancellation.Token;

    public void Report(string stage, int done, int total) => _job.SetProgress(stage, done, total);

    /// <summary>
    /// From here on the job writes, all or nothing, and can no longer be cancelled: a cancel request is then answered
    /// 409 <c>job_committing</c>. Throws when the job was cancelled before this point, so nothing is written after a cancel.
    /// </summary>
    public void BeginCommit(string stage = JobStages.Writing)
    {
        _job.BeginCommit(stage);
    }
}
