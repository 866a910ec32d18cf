using KerjaSama.Planning.Contracts.Live;
using Microsoft.AspNetCore.SignalR;

namespace KerjaSama.LoadGen;

/// <summary>
/// The raw SignalR baseline: the same hub contract with no Orleans, no database and no validation; Submit
/// answers at once and broadcasts to the session's group. What the platform is measured against.
/// </summary>
internal static class BaselineServer
{
    public static async Task RunAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(url);
        builder.Services.AddSignalR().AddMessagePackProtocol();
        var app = builder.Build();
        app.MapHub<RawHub>("/hubs/mapping");
        app.MapGet("/health", () => "ok");
        await app.RunAsync();
    }

    internal sealed class RawHub : Hub
    {
        private static long _seq;

        public async Task<JoinResult> Join(Guid sessionId, long sinceSeq)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, sessionId.ToString("N"));
            return new JoinResult { SessionId = sessionId, Seq = Interlocked.Read(ref _seq), State = SessionStates.Open };
        }

        public async Task<Ack> Submit(SubmitOp op)
        {
            var seq = Interlocked.Increment(ref _seq);
            await Clients.Group(op.SessionId.ToString("N")).SendAsync("Applied", new AppliedOp
            {
                SessionId = op.SessionId, Seq = seq, OpId = op.OpId, Kind = op.Kind, RowId = op.RowId, Fields = op.Fields, At = DateTimeOffset.UtcNow,
            });
            return new Ack { OpId = op.OpId, Seq = seq, Outcome = AckOutcomes.Applied };
        }
    }
}
