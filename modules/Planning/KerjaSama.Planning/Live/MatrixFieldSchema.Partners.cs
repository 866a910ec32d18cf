using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Registry.Contracts;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Live;

/// <summary>
/// The cooperation type fits the partner (PP 28/2018, docs/domain.md): KSDD only with regions (partner regions, or
/// organisations that are regional governments), KSDPK with third parties, KSDPL/KSDLL with foreign bodies and only
/// with DPRD approval and central government consent flagged, Sinergi with ministries and central bodies.
/// </summary>
internal static partial class MatrixFieldSchema
{
    /// <summary>What each cooperation type accepts as partner organisations, and whether it takes partner regions.</summary>
    private static readonly Dictionary<string, (IReadOnlyList<string> Kinds, bool Regions, string What)> PartnerFit = new(StringComparer.Ordinal)
    {
        ["KSDD-wajib"] = ([OrganisationKinds.Government], true, "regions"),
        ["KSDD-sukarela"] = ([OrganisationKinds.Government], true, "regions"),
        ["KSDPK"] = (OrganisationKinds.ThirdParties, false, "third parties (businesses, universities, NGOs, individuals)"),
        ["KSDPL"] = ([OrganisationKinds.Foreign], false, "foreign local governments or bodies"),
        ["KSDLL"] = ([OrganisationKinds.Foreign], false, "foreign local governments or bodies"),
        ["Sinergi"] = ([OrganisationKinds.Ministry], false, "ministries and central government bodies"),
    };

    /// <summary>Every rule across fields (<see cref="CheckRow"/>, then the partner fit), on the row as it would be after the op.</summary>
    public static async ValueTask<FieldError?> CheckRowAsync(IReadOnlyDictionary<string, string> values, ValidationContext ctx, CancellationToken ct) =>
        CheckRow(values, ctx) ?? await CheckPartnerFitAsync(values, ctx, ct);

    private static async ValueTask<FieldError?> CheckPartnerFitAsync(IReadOnlyDictionary<string, string> values, ValidationContext ctx,
        CancellationToken ct)
    {
        if (!values.TryGetValue(F.CooperationType, out var typeJson) || JsonSerializer.Deserialize<string>(typeJson) is not { } type
            || !PartnerFit.TryGetValue(type, out var fit))
        {
            return null;
        }

        if (!fit.Regions && values.TryGetValue(F.PartnerRegionCodes, out var regions) && JsonSerializer.Deserialize<string[]>(regions)!.Length > 0)
        {
            return new FieldError(RejectionCodes.PartnerKindMismatch,
                $"{type} is a cooperation with {fit.What}, not with regions: clear the partner regions or choose a KSDD type.", F.PartnerRegionCodes);
        }

        if (values.TryGetValue(F.PartnerOrganisationIds, out var organisations))
        {
            foreach (var id in JsonSerializer.Deserialize<Guid[]>(organisations)!)
            {
                var organisation = await ctx.OrganisationAsync(id, ct);
                if (organisation is not null && !fit.Kinds.Contains(organisation.Kind))
                {
                    return new FieldError(RejectionCodes.PartnerKindMismatch,
                        $"{type} is a cooperation with {fit.What}; {organisation.Name} is a partner of the kind {organisation.Kind}.", F.PartnerOrganisationIds);
                }
            }
        }

        if (type is "KSDPL" or "KSDLL")
        {
            foreach (var flag in new[] { F.DprdApprovalRequired, F.CentralConsentRequired })
            {
                if (!values.TryGetValue(flag, out var set) || set != "true")
                {
                    return new FieldError(RejectionCodes.ForeignApprovalsRequired,
                        $"{type} needs DPRD approval and central government consent: set {F.DprdApprovalRequired} and {F.CentralConsentRequired} first.", flag);
                }
            }
        }

        return null;
    }
}
