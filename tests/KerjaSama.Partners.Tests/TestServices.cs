using KerjaSama.Modularity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KerjaSama.Partners.Tests;

internal static class TestServices
{
    public static string GetDataDirectory(this IServiceProvider services) =>
        Path.GetFullPath(services.GetRequiredService<IOptions<PlatformOptions>>().Value.DataDirectory,
            services.GetRequiredService<IHostEnvironment>().ContentRootPath);
}
