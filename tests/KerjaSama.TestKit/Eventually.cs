using System.Diagnostics;

namespace KerjaSama.TestKit;

/// <summary>
/// Waits for something asynchronous to become true, with a deadline instead of a sleep: the test goes on the moment the
/// condition holds and fails with <c>what</c> (and the last value seen) when it never does. The default deadline is
/// generous because a 2-core CI machine runs hosts, databases and a browser at once; a passing test never waits for it.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> accepts its value, and returns that value.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? deadline = null)
    {
        var limit = deadline ?? DefaultDeadline;
        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var value = await probe();
            if (done(value))
                return value;
            if (clock.Elapsed > limit)
                throw new TimeoutException($"Not seen within {limit.TotalSeconds:0.#} s: {what}. Last value: {Describe(value)}");
            await Task.Delay(pause);
            pause = TimeSpan.FromMilliseconds(Math.Min(200, pause.TotalMilliseconds * 2));
        }
    }

    /// <summary>Waits until the asynchronous condition holds.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null) =>
        ValueAsync(condition, held => held, what, deadline);

    /// <summary>Waits until the condition (usually state a client received) holds.</summary>
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? deadline = null) =>
        ValueAsync(() => Task.FromResult(condition()), held => held, what, deadline);

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => s.Length > 2000 ? s[..2000] + "…" : s,
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Take(20)) + "]",
        _ => value.ToString() ?? "",
    };
}
