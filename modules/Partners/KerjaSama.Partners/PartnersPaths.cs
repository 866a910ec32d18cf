using KerjaSama.Modularity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KerjaSama.Partners;

/// <summary>The module's folders under the platform's data directory.</summary>
internal sealed class PartnersPaths(IOptions<PlatformOptions> platform, IHostEnvironment environment)
{
    private string Data => Path.GetFullPath(platform.Value.DataDirectory, environment.ContentRootPath);

    public string Documents => Path.Combine(Data, "partners", "documents");
}
