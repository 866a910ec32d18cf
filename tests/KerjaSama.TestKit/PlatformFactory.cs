using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KerjaSama.TestKit;

/// <summary>The real host (Program) on real Kestrel bound to 127.0.0.1, with its own Orleans ports.</summary>
public sealed class PlatformFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;

    public PlatformFactory(IReadOnlyDictionary<string, string?> settings, string environment = "Testing")
    {
        _settings = settings;
        _environment = environment;
        UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // Outside Development the host only finds static web assets (blazor.web.js, the board's _framework) through the
        // build's runtime manifest when asked to; browser tests need them.
        builder.UseStaticWebAssets();
        // UseSetting reaches the configuration that modules read while they register services.
        builder.UseSetting("KerjaSama:Cluster:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("KerjaSama:Cluster:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("KerjaSama:Logging:Json", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }
}
