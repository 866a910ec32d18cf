using System.Data.Common;
using System.Net.Sockets;

namespace KerjaSama.Modularity.Persistence;

/// <summary>
/// Tells a database that cannot be reached (refused or dropped connections, timeouts: the provider marks them
/// transient) from every other failure, so that callers answer "try again shortly" instead of "server error".
/// </summary>
public static class StoreFailures
{
    /// <summary>The code clients see when the database cannot be reached: hub errors, problem details.</summary>
    public const string UnavailableCode = "database_unavailable";

    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsUnavailable):
                    return true;
            }
        }

        return false;
    }
}
