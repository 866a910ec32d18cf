using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KerjaSama.Partners.Reminders;

/// <summary>Runs the reminder scheduler on every host at the configured interval; the database decides who fires.</summary>
internal sealed partial class ReminderService(ReminderScheduler scheduler, IOptions<PartnersOptions> options, ILogger<ReminderService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.ReminderPollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await scheduler.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRunFailed(ex);
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The reminder run failed; it is tried again at the next interval")]
    private partial void LogRunFailed(Exception exception);
}
