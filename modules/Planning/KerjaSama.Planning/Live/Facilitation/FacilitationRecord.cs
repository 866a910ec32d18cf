namespace KerjaSama.Planning.Live.Facilitation;

/// <summary>
/// A live session's agenda timer as stored, so that it survives reconnects and a new activation of the matrix grain
/// (another host after a failover). One per session; a cleared timer keeps its row with <see cref="TimerActive"/> false.
/// </summary>
internal sealed class FacilitationRecord
{
    public Guid SessionId { get; set; }

    public Guid ExerciseId { get; set; }

    public bool TimerActive { get; set; }

    public string TimerLabel { get; set; } = "";

    public string? TimerAffairCode { get; set; }

    public string TimerRowIdsJson { get; set; } = "[]";

    public int TimerDurationSeconds { get; set; }

    public bool TimerRunning { get; set; }

    /// <summary>When the time is up, while running.</summary>
    public DateTimeOffset? TimerEndsAt { get; set; }

    /// <summary>Time left when paused (ms).</summary>
    public long TimerRemainingMs { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid UpdatedBy { get; set; }
}
