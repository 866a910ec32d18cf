using System.Security.Cryptography;
using System.Text;

namespace KerjaSama.Registry.Seeding;

/// <summary>Name-based UUID version 5 (RFC 9562): the same code always yields the same id.</summary>
internal static class DeterministicGuid
{
    // A fixed namespace for organisation codes of this platform.
    private static readonly Guid OrganisationNamespace = new("6f1c2a4e-9d0b-4b8e-a3f5-2c7d9e1b0a55");

    public static Guid ForOrganisation(string code) => Create(OrganisationNamespace, code);

    public static Guid Create(Guid ns, string name)
    {
        var nsBytes = ns.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nsBytes.Length + nameBytes.Length];
        nsBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, nsBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what UUID v5 specifies; it names, it does not protect.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
