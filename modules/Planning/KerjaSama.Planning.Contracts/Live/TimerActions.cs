namespace KerjaSama.Planning.Contracts.Live;

/// <summary>What <c>SetTimer</c> does.</summary>
public static class TimerActions
{
    /// <summary>Sets the agenda item (label, affair or rows) and starts counting down <c>Seconds</c>.</summary>
    public const string Start = "start";

    public const string Pause = "pause";

    public const string Resume = "resume";

    /// <summary>Adds <c>Seconds</c> to the time left (running or paused).</summary>
    public const string Extend = "extend";

    public const string Clear = "clear";
}
