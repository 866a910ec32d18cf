using KerjaSama.Modularity;
using Microsoft.Extensions.Options;

namespace KerjaSama.Host.Composition;

internal static partial class PlatformRunner
{
    /// <summary>
    /// Runs the host, or with the argument <c>migrate</c> applies every module's migrations and seed data and
    /// exits. A configuration problem ends the process with exit code 1 and one log line naming the setting.
    /// </summary>
    public static async Task<int> RunPlatformAsync(this WebApplication app, string[] args)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KerjaSama.Host");
        try
        {
            if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
            {
                await app.Services.GetRequiredService<DatabaseInitialiser>().InitialiseAsync(migrate: true, CancellationToken.None);
                LogMigrated(logger);
                return 0;
            }

            await app.RunAsync();
            // A start-up step that failed in the background (the silo waiting for its membership store) sets it.
            return Environment.ExitCode;
        }
        catch (Exception ex) when (ex is PlatformStartupException or OptionsValidationException)
        {
            LogStartupFailed(logger, ex.Message);
            return 1;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Start-up failed: {Reason}")]
    private static partial void LogStartupFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "All module schemas are migrated and seeded.")]
    private static partial void LogMigrated(ILogger logger);
}
