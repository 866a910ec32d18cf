using System.Reflection;
using KerjaSama.Modularity.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace KerjaSama.Host.Tests;

/// <summary>Every module has migrations for every provider, and they match the model.</summary>
public sealed class MigrationTests
{
    private static readonly string[] ModuleAssemblies = ["KerjaSama.Registry", "KerjaSama.Partners", "KerjaSama.Planning", "KerjaSama.Meetings"];

    public static TheoryData<string, string> ContextsByProvider()
    {
        var data = new TheoryData<string, string>();
        foreach (var assembly in ModuleAssemblies)
        {
            foreach (var provider in Enum.GetNames<DatabaseProvider>())
                data.Add(assembly, provider);
        }

        return data;
    }

    private static ModuleDbContext CreateDesignTimeContext(string assemblyName, string provider)
    {
        var assembly = Assembly.Load(assemblyName);
        var factoryType = assembly.GetTypes().Single(t =>
            !t.IsAbstract && t.Name.StartsWith(provider, StringComparison.Ordinal) && t.Name.EndsWith("DbFactory", StringComparison.Ordinal)
            && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)));
        var factory = Activator.CreateInstance(factoryType, nonPublic: true)!;
        return (ModuleDbContext)factoryType.GetMethod("CreateDbContext")!.Invoke(factory, [Array.Empty<string>()])!;
    }

    [Theory]
    [MemberData(nameof(ContextsByProvider))]
    public void The_migrations_match_the_model(string assembly, string provider)
    {
        using var db = CreateDesignTimeContext(assembly, provider);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"{assembly} has model changes without a {provider} migration: run build/add-migration.sh <Name> <Module>.");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void The_SQL_Server_idempotent_script_generates_with_the_module_schema(string assembly)
    {
        using var db = CreateDesignTimeContext(assembly, nameof(DatabaseProvider.SqlServer));
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains($"CREATE TABLE [{db.Schema}].", script, StringComparison.Ordinal);
        Assert.Contains($"[{db.Schema}].[__ef_migrations]", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
    }

    public static TheoryData<string> ModuleNames() => new(ModuleAssemblies);
}
