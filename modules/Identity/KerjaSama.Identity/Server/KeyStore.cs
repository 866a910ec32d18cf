using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KerjaSama.Identity.Server;

/// <summary>
/// Token signing and encryption certificates: configured PFX files in production, otherwise generated once and kept
/// under the keys folder so that tokens survive restarts and every host sharing the folder accepts them.
/// </summary>
internal static class KeyStore
{
    public static X509Certificate2 Load(string? configuredPath, string? password, string keysDirectory, string purpose)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
            return X509CertificateLoader.LoadPkcs12FromFile(configuredPath, password, X509KeyStorageFlags.EphemeralKeySet);

        Directory.CreateDirectory(keysDirectory);
        var file = Path.Combine(keysDirectory, $"{purpose}.pfx");
        if (!File.Exists(file))
        {
            // Write aside, then move without overwriting: of two hosts starting together, the first key wins.
            var temp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temp, Generate(purpose).Export(X509ContentType.Pkcs12));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try
            {
                File.Move(temp, file, overwrite: false);
            }
            catch (IOException)
            {
                File.Delete(temp);
            }
        }

        return X509CertificateLoader.LoadPkcs12FromFile(file, null, X509KeyStorageFlags.EphemeralKeySet);
    }

    /// <summary>A configured PFX whose private key stays usable for decryption (the data-protection key ring).</summary>
    public static X509Certificate2 LoadConfigured(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.DefaultKeySet);

    private static X509Certificate2 Generate(string purpose)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=KerjaSama {purpose}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            purpose == "signing" ? X509KeyUsageFlags.DigitalSignature : X509KeyUsageFlags.KeyEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
    }
}
