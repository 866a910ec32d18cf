using KerjaSama.Modularity;
using KerjaSama.Web;

namespace KerjaSama.Host.Composition;

internal static class WebComposition
{
    public static WebApplicationBuilder AddPlatformWeb(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        // Static SSR by default; Interactive Server where a page asks for it (the live monitor). The mapping board is
        // a TypeScript client of its own (docs/adr/0016-board-in-typescript.md): no WebAssembly render mode.
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(o =>
                o.DetailedErrors = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing"));
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
