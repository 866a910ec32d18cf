namespace KerjaSama.TestKit;

/// <summary>Organisation ids for test users whose organisation does not matter to the test.</summary>
public static class TestOrganisations
{
    public static readonly Guid Secretariat = new("0b5e7a52-3c1d-4f0e-9a7b-62a1b0c0ffee");

    public const string SecretariatName = "Biro Pemerintahan dan Otonomi Daerah (tests)";
}
