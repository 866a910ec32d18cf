using System.Reflection;
using KerjaSama.Modularity;
using Microsoft.AspNetCore.Components;
using NetArchTest.Rules;
using Xunit;

namespace KerjaSama.Architecture.Tests;

/// <summary>
/// The module rules of docs/architecture.md, for every one of the five modules alike (Identity included: it sits in
/// <c>src/</c> for now, ADR 0022, and is a module in every other respect). The module shape (folders, one result
/// type, one way to post forms) is in <see cref="ModuleShapeTests"/>.
/// </summary>
public sealed class ModuleBoundaryTests
{
    public static readonly string[] ModuleNames = ["Registry", "Identity", "Partners", "Planning", "Meetings"];

    public static TheoryData<string> Modules => new(ModuleNames);

    private static Assembly Load(string name) => Assembly.Load(name);

    private static string[] ReferencedKerjaSamaAssemblies(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("KerjaSama.", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_references_other_modules_only_through_their_contracts(string module)
    {
        var references = ReferencedKerjaSamaAssemblies(Load($"KerjaSama.{module}"));
        var forbidden = references.Where(r =>
            ModuleNames.Any(other => r == $"KerjaSama.{other}") || r == "KerjaSama.Host");
        Assert.Empty(forbidden);
        Assert.Contains($"KerjaSama.{module}.Contracts", references);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_writes_metrics_with_System_Diagnostics_Metrics_and_never_references_OpenTelemetry(string module)
    {
        // The host wires OpenTelemetry (ADR 0018); a module only creates instruments, so exporters can change freely.
        var references = Load($"KerjaSama.{module}").GetReferencedAssemblies().Select(a => a.Name!);
        Assert.DoesNotContain(references, r => r.StartsWith("OpenTelemetry", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Contracts_do_not_depend_on_persistence_or_web_frameworks(string module)
    {
        var result = Types.InAssembly(Load($"KerjaSama.{module}.Contracts")).Should()
            .NotHaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Orleans.Runtime", "KerjaSama.Modularity")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Only_the_module_entry_class_and_generated_pages_are_public(string module)
    {
        var assembly = Load($"KerjaSama.{module}");
        var publicTypes = assembly.GetExportedTypes()
            // Razor generates public classes for pages and for _Imports.razor; there is no internal directive.
            .Where(t => !typeof(ComponentBase).IsAssignableFrom(t) && t.Name != "_Imports")
            .Select(t => t.FullName!)
            .ToArray();
        Assert.Equal([$"KerjaSama.{module}.{module}Module"], publicTypes);
        Assert.True(typeof(IModule).IsAssignableFrom(assembly.GetType($"KerjaSama.{module}.{module}Module")));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Contracts_depend_only_on_the_shared_kernel(string module)
    {
        var references = ReferencedKerjaSamaAssemblies(Load($"KerjaSama.{module}.Contracts"));
        Assert.All(references, r => Assert.Equal("KerjaSama.SharedKernel", r));
    }

    [Fact]
    public void The_web_shell_and_the_modularity_kit_know_no_module()
    {
        foreach (var name in new[] { "KerjaSama.Web", "KerjaSama.Modularity", "KerjaSama.SharedKernel" })
        {
            var references = ReferencedKerjaSamaAssemblies(Load(name));
            Assert.DoesNotContain(references, r => ModuleNames.Any(m => r.StartsWith($"KerjaSama.{m}", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void The_host_lists_each_module_once()
    {
        var hostModules = typeof(Program).Assembly.GetType("KerjaSama.Host.Modules")!
            .GetField("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null) as IReadOnlyList<IModule>;
        Assert.NotNull(hostModules);
        Assert.Equal(ModuleNames.Select(m => m.ToLowerInvariant()), hostModules.Select(m => m.Name));
    }
}
