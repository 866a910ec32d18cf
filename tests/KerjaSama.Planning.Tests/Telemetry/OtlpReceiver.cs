using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KerjaSama.Planning.Tests.Telemetry;

/// <summary>
/// A small OTLP/HTTP receiver on 127.0.0.1 (Kestrel): accepts <c>POST /v1/traces</c> and <c>/v1/metrics</c>, remembers
/// each request's content type and body (the first few hundred) and answers with an empty protobuf message (a full
/// success). Protobuf keeps strings as UTF-8 bytes, so a scope or span name can be found in a body without decoding it.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    private const int Kept = 500;

    public ConcurrentQueue<(string Signal, string? ContentType, byte[] Body)> Requests { get; } = new();

    /// <summary>Whether an export of this signal that arrived so far carries these UTF-8 bytes.</summary>
    public bool Carries(string signal, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return Requests.Any(r => r.Signal == signal && r.Body.AsSpan().IndexOf(bytes) >= 0);
    }

    public static OtlpReceiver Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        OtlpReceiver? receiver = null;
        app.MapPost("/v1/{signal}", async (string signal, HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            if (receiver!.Requests.Count < Kept)
                receiver.Requests.Enqueue((signal, context.Request.ContentType, body.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new OtlpReceiver(app, new Uri(address));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
