using System.Reflection;
using KerjaSama.Modularity;

namespace KerjaSama.Web;

/// <summary>What the host tells the web shell: the modules' page assemblies and navigation entries.</summary>
public sealed class ShellOptions
{
    public List<Assembly> PageAssemblies { get; } = [];

    public List<NavItem> Navigation { get; } = [];
}
