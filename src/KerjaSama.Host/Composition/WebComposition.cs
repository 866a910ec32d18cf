using KerjaSama.Modularity;
using KerjaSama.Web;

namespace KerjaSama.Host.Composition;

internal static class WebComposition
{
    public static WebApplicationBuilder AddPlatformWeb(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        builder.Services.AddRazorComponents().AddInteractiveWebAssemblyComponents();
        builder.Services.Configure<ShellOptions>(shell =>
        {
            foreach (var module in modules)
            {
                shell.Navigation.AddRange(module.Navigation);
                if (module.Navigation.Any())
                    shell.PageAssemblies.Add(module.GetType().Assembly);
            }
        });
        return builder;
    }
}
