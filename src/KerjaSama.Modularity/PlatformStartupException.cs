namespace KerjaSama.Modularity;

/// <summary>
/// The host cannot start because of its configuration or environment. The message names the setting and is
/// logged as one line; no stack trace is needed to act on it.
/// </summary>
public sealed class PlatformStartupException : Exception
{
    public PlatformStartupException(string message)
        : base(message)
    {
    }

    public PlatformStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PlatformStartupException()
    {
    }
}
