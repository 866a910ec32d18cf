using Xunit;

namespace KerjaSama.Planning.Tests.Contracts;

/// <summary>The board's TypeScript contract is generated from the C# contracts and committed; it may not drift.</summary>
public sealed class TypeScriptContractTests
{
    [Fact]
    public void The_committed_typescript_contract_is_what_the_csharp_contracts_generate_today()
    {
        var path = Path.Combine(TypeScriptContracts.RepositoryRoot(), TypeScriptContracts.RelativePath);
        var generated = TypeScriptContracts.Generate();
        if (Environment.GetEnvironmentVariable("KERJASAMA_WRITE_CONTRACTS") == "1")
            File.WriteAllText(path, generated);
        Assert.True(File.Exists(path), $"{path} is missing: run with KERJASAMA_WRITE_CONTRACTS=1 to write it.");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(committed == generated,
            $"{TypeScriptContracts.RelativePath} differs from the C# contracts: run with KERJASAMA_WRITE_CONTRACTS=1 and commit the file.");
    }
}
