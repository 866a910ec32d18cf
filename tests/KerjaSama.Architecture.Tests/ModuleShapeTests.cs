using System.Reflection;
using System.Text.RegularExpressions;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.SharedKernel;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KerjaSama.Architecture.Tests;

/// <summary>
/// One module's shape (docs/architecture.md), the same for all five modules: the folders, endpoints in
/// <c>Features/</c>, pages in <c>Pages/</c>, the DbContext in <c>Persistence/</c>, one command-result type
/// (<c>Outcome&lt;T&gt;</c> in KerjaSama.Modularity), one way to post a server-rendered form, and refusal codes written
/// as constants. Where a module does not follow the shape yet, the gap is listed here and in docs/architecture.md
/// ("Closed gaps": the lists are empty now); the lists may only shrink: a test fails when a listed gap is closed and still listed.
/// </summary>
public sealed partial class ModuleShapeTests
{
    public static TheoryData<string> Modules => new(ModuleBoundaryTests.ModuleNames);


    /// <summary>Modules whose Features/ folder is still one flat folder instead of a folder per use case.</summary>
    private static readonly string[] FlatFeatureFolders = [];

    /// <summary>Result types that still carry their own field-error dictionary instead of answering Outcome&lt;T&gt;.</summary>
    private static readonly string[] OwnResultTypes = [];

    /// <summary>
    /// Pages that still post to a REST endpoint (the consolidation page's row actions, the annex page's signatory form;
    /// docs/architecture.md).
    /// </summary>
    private static readonly string[] PagesPostingToEndpoints = [];

    private static string Root { get; } = FindRoot();

    private static string ProjectDirectory(string module, string suffix = "") =>
        Path.Combine(Root, "modules", module, $"KerjaSama.{module}{suffix}");

    [Fact]
    public void Every_module_lives_under_modules_with_its_contracts_beside_it()
    {
        foreach (var module in ModuleBoundaryTests.ModuleNames)
        {
            Assert.True(File.Exists(Path.Combine(ProjectDirectory(module), $"KerjaSama.{module}.csproj")), module);
            Assert.True(File.Exists(Path.Combine(ProjectDirectory(module, ".Contracts"), $"KerjaSama.{module}.Contracts.csproj")), module);
        }

        var leftInSrc = Directory.GetDirectories(Path.Combine(Root, "src"))
            .Select(Path.GetFileName)
            .Where(name => ModuleBoundaryTests.ModuleNames.Any(m => name!.StartsWith($"KerjaSama.{m}", StringComparison.Ordinal)))
            .ToList();
        Assert.True(leftInSrc.Count == 0, $"module projects left in src/: {string.Join(", ", leftInSrc)}");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_has_its_entry_class_features_persistence_with_three_providers_migrations_and_pages(string module)
    {
        var dir = ProjectDirectory(module);
        Assert.True(File.Exists(Path.Combine(dir, $"{module}Module.cs")), $"{module}Module.cs");
        foreach (var folder in new[] { "Features", "Persistence", "Pages" })
            Assert.True(Directory.Exists(Path.Combine(dir, folder)), $"{module}: {folder}/");
        foreach (var provider in new[] { "Sqlite", "PostgreSql", "SqlServer" })
        {
            var migrations = Path.Combine(dir, "Persistence", "Migrations", provider);
            Assert.True(Directory.Exists(migrations) && Directory.EnumerateFiles(migrations, "*.cs").Any(), $"{module}: Persistence/Migrations/{provider}/");
        }
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Each_feature_is_a_folder_of_its_own(string module)
    {
        var loose = Directory.EnumerateFiles(Path.Combine(ProjectDirectory(module), "Features"), "*.cs", SearchOption.TopDirectoryOnly)
            .Select(Path.GetFileName).ToList();
        if (FlatFeatureFolders.Contains(module))
            Assert.True(loose.Count > 0, $"{module}'s features are in folders now: remove it from {nameof(FlatFeatureFolders)}.");
        else
            Assert.True(loose.Count == 0, $"{module}: put each feature in Features/<Feature>/: {string.Join(", ", loose)}");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Endpoints_live_in_features_routable_pages_in_Pages_and_the_DbContext_in_Persistence(string module)
    {
        var types = Assembly.Load($"KerjaSama.{module}").GetTypes().Where(t => !t.Name.Contains('<', StringComparison.Ordinal)).ToList();
        var misplaced = types
            .Where(t => t.Name.EndsWith("Endpoints", StringComparison.Ordinal) || t.Name.EndsWith("Endpoint", StringComparison.Ordinal))
            .Where(t => !In(t, $"KerjaSama.{module}.Features"))
            .Concat(types.Where(t => typeof(ComponentBase).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any())
                .Where(t => !In(t, $"KerjaSama.{module}.Pages")))
            .Concat(types.Where(t => typeof(DbContext).IsAssignableFrom(t)).Where(t => !In(t, $"KerjaSama.{module}.Persistence")))
            .Select(t => t.FullName!).ToList();
        Assert.True(misplaced.Count == 0, string.Join('\n', misplaced));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Commands_answer_the_one_Outcome_type_and_no_module_defines_its_own(string module)
    {
        // A type of the module's own that carries field errors next to a value is a second result type.
        var own = Assembly.Load($"KerjaSama.{module}").GetTypes()
            .Where(t => t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Any(p => p.Name == "Errors" && IsFieldErrors(p.PropertyType)))
            .Where(t => !typeof(ComponentBase).IsAssignableFrom(t))
            .Select(t => t.FullName!).ToList();
        Assert.True(own.All(OwnResultTypes.Contains), $"Answer Outcome<T> (KerjaSama.Modularity.Http) instead: {string.Join(", ", own.Except(OwnResultTypes))}");
        var gone = OwnResultTypes.Where(t => t.StartsWith($"KerjaSama.{module}.", StringComparison.Ordinal) && !own.Contains(t)).ToList();
        Assert.True(gone.Count == 0, $"Remove from {nameof(OwnResultTypes)}: {string.Join(", ", gone)}");
    }

    [Fact]
    public void Server_rendered_forms_post_to_their_own_page_with_formname()
    {
        // The one way (docs/architecture.md): <form method="post" @formname="..." @onsubmit="..."> with a
        // [SupplyParameterFromForm] model; the page calls the module's command and shows Outcome<T>'s errors.
        var offenders = new List<string>();
        var stillPosting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Sources("*.razor"))
        {
            foreach (Match form in FormTag().Matches(File.ReadAllText(file)))
            {
                var tag = form.Value;
                if (!tag.Contains("method=\"post\"", StringComparison.OrdinalIgnoreCase) || tag.Contains("@formname", StringComparison.Ordinal)
                    // The shell's own forms on every page (sign-out, the language switch) post to their endpoints.
                    || tag.Contains("action=\"/account/logout\"", StringComparison.Ordinal) || tag.Contains("action=\"/culture\"", StringComparison.Ordinal))
                    continue;
                if (PagesPostingToEndpoints.Contains(Path.GetFileName(file)))
                    stillPosting.Add(Path.GetFileName(file));
                else
                    offenders.Add($"{Path.GetRelativePath(Root, file)}: {tag}");
            }
        }

        Assert.True(offenders.Count == 0, "Post with @formname to the page itself:\n" + string.Join('\n', offenders));
        Assert.Equal(PagesPostingToEndpoints.Order(StringComparer.Ordinal), stillPosting.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Refusal_codes_are_written_as_their_constants_never_as_literals()
    {
        var codes = typeof(RejectionCodes).GetFields().Concat(typeof(ProblemCodes).GetFields())
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Distinct().ToList();
        var copies = Sources("*.cs")
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) is not ("RejectionCodes.cs" or "ProblemCodes.cs"))
            .SelectMany(f => codes.Where(c => File.ReadAllText(f).Contains($"\"{c}\"", StringComparison.Ordinal))
                .Select(c => $"{Path.GetRelativePath(Root, f)}: \"{c}\""))
            .ToList();
        Assert.True(copies.Count == 0, "Use RejectionCodes (Planning.Contracts) or ProblemCodes (SharedKernel):\n" + string.Join('\n', copies));
    }

    private static bool In(Type type, string ns) =>
        type.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal));

    private static bool IsFieldErrors(Type type) =>
        type == typeof(IDictionary<string, string[]>) || type == typeof(IReadOnlyDictionary<string, string[]>)
        || type == typeof(Dictionary<string, string[]>);

    private static IEnumerable<string> Sources(string pattern) =>
        new[] { "modules", "src" }.SelectMany(dir => Directory.EnumerateFiles(Path.Combine(Root, dir), pattern, SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KerjaSama.Platform.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (KerjaSama.Platform.sln) is not above the test's directory.");
    }

    [GeneratedRegex(@"<form\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();
}
