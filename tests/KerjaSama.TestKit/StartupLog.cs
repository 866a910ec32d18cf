using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KerjaSama.TestKit;

/// <summary>
/// Keeps what a test host logs at Error and above. When the host stops during its own start-up (the program logs the
/// reason and returns an exit code), the test factory only sees a disposed service provider; this says why.
/// </summary>
public sealed class StartupLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => _entries;

    public bool Mentions(string text) => _entries.Any(e => e.Contains(text, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => _entries.IsEmpty ? "(the host logged no error)" : string.Join(Environment.NewLine, _entries);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(StartupLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || log._entries.Count >= 50)
                return;
            var text = $"{logLevel} {category}: {formatter(state, exception)}";
            log._entries.Enqueue(exception is null ? text : $"{text} ({exception.GetBaseException().Message})");
        }
    }
}
