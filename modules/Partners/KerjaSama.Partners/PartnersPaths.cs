using KerjaSama.Modularity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KerjaSama.Partners;

/// <summary>The module's folders under the platform's data directory.</summary>
internal sealed class PartnersPaths(IOptions<PlatformOptions> platform, IOptions<PartnersOptions> options, IHostEnvironment environment)
{
    private string Data => Path.GetFullPath(platform.Value.DataDirectory, environment.ContentRootPath);

    public string Documents => Path.Combine(Data, "partners", "documents");

    public string MailPickup => Path.GetFullPath(options.Value.MailPickupDirectory, Data);
}
