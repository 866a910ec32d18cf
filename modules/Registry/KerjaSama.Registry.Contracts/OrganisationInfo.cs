namespace KerjaSama.Registry.Contracts;

/// <summary>An organisation as other modules see it.</summary>
/// <param name="Id">Stable id used across modules.</param>
/// <param name="Code">Human-readable unique code, e.g. <c>62-dinkes</c> or <c>pemda-62.71</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">One of <see cref="OrganisationKinds"/>.</param>
/// <param name="RegionCode">The region it belongs to (its government's region), if any.</param>
/// <param name="AffairCodes">Government affairs it handles (agencies).</param>
/// <param name="Active">False once deactivated by the secretariat.</param>
public sealed record OrganisationInfo(Guid Id, string Code, string Name, string Kind, string? RegionCode,
    IReadOnlyList<string> AffairCodes, bool Active)
{
    /// <summary>True for organisations that can be a partner in cooperation (not the region's own agencies).</summary>
    public bool IsPartner => Kind != OrganisationKinds.Agency;
}
