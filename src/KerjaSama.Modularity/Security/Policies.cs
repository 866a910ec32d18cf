namespace KerjaSama.Modularity.Security;

/// <summary>Authorization policy names shared by endpoints, pages and hubs.</summary>
public static class Policies
{
    /// <summary>A signed-in caller with a user, an organisation and a role.</summary>
    public const string Member = "member";

    /// <summary>The secretariat: secretariat administrators.</summary>
    public const string Secretariat = "secretariat";

    /// <summary>Secretariat administrators and facilitators (run meetings and live sessions).</summary>
    public const string Facilitator = "facilitator";
}
