using System.Security.Cryptography;
using System.Text;

namespace KerjaSama.Registry.Seeding;

/// <summary>The seed CSVs embedded in this assembly (Seed/*.csv).</summary>
internal static class SeedFiles
{
    public static string Read(string fileName)
    {
        var name = $"KerjaSama.Registry.Seed.{fileName}";
        using var stream = typeof(SeedFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Seed file {fileName} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
