using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.Services.AddScoped(_ =>
{
    var http = new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) };
    // The host refuses cookie-authenticated API writes without this same-origin proof (CrossSiteGuard in the host).
    http.DefaultRequestHeaders.Add("X-KerjaSama-Csrf", "1");
    return http;
});
await builder.Build().RunAsync();
