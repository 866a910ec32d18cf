using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace KerjaSama.Host.Composition;

/// <summary>
/// Behind a load balancer or TLS proxy (<c>KerjaSama:ForwardedHeaders:Enabled</c>): the host takes the client address,
/// scheme and host from <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c>, but only from the proxies listed in
/// <c>KnownProxies</c> / <c>KnownNetworks</c> (loopback when none are listed).
/// </summary>
internal static class ForwardedHeadersComposition
{
    public const string Section = "KerjaSama:ForwardedHeaders";

    public static WebApplicationBuilder AddPlatformForwardedHeaders(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        if (!section.GetValue("Enabled", false))
            return builder;
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        var parsedProxies = new List<IPAddress>();
        foreach (var proxy in proxies)
        {
            if (IPAddress.TryParse(proxy, out var address))
                parsedProxies.Add(address);
            else
                StartupRefusal.Register(builder.Services, $"{Section}:KnownProxies '{proxy}' is not an IP address.");
        }

        var parsedNetworks = new List<System.Net.IPNetwork>();
        foreach (var network in networks)
        {
            if (System.Net.IPNetwork.TryParse(network, out var parsed))
                parsedNetworks.Add(parsed);
            else
                StartupRefusal.Register(builder.Services, $"{Section}:KnownNetworks '{network}' is not a network such as 10.0.0.0/8.");
        }

        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = section.GetValue("ForwardLimit", 1);
            foreach (var proxy in parsedProxies)
                o.KnownProxies.Add(proxy);
            foreach (var network in parsedNetworks)
                o.KnownIPNetworks.Add(network);
        });
        return builder;
    }

    public static WebApplication UsePlatformForwardedHeaders(this WebApplication app)
    {
        if (app.Configuration.GetValue($"{Section}:Enabled", false))
            app.UseForwardedHeaders();
        return app;
    }
}
