namespace KerjaSama.Modularity.Jobs;

/// <summary>Settings under <c>KerjaSama:Jobs</c>: the per-host queue of background jobs (imports, PDF documents).</summary>
public sealed class JobOptions
{
    public const string Section = "KerjaSama:Jobs";

    /// <summary>Jobs that run at the same time on one host (LibreOffice conversions are CPU-heavy).</summary>
    public int MaxConcurrent { get; set; } = 1;

    /// <summary>Jobs waiting or running on one host; over it a new job is refused with 503 <c>jobs_busy</c>.</summary>
    public int MaxQueued { get; set; } = 20;

    /// <summary>Jobs waiting or running per user; over it 429 <c>jobs_per_user</c>.</summary>
    public int MaxPerUser { get; set; } = 3;

    /// <summary>How long a finished job and its result stay available.</summary>
    public int KeepMinutes { get; set; } = 30;
}
