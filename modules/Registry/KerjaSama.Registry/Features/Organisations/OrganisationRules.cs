using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Registry.Contracts;
using KerjaSama.Registry.Organisations;
using KerjaSama.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Registry.Features.Organisations;

/// <summary>What the rules need to know about stored data; loaded narrowly for one request or wholly for an import.</summary>
internal sealed class OrganisationLookups
{
    public required HashSet<string> Regions { get; init; }

    public required HashSet<string> Affairs { get; init; }

    public required Dictionary<string, Organisation> ByCode { get; init; }

    public required Dictionary<string, Organisation> ByNormalizedName { get; init; }

    public static async Task<OrganisationLookups> ForRequestAsync(RegistryDb db, OrganisationRequest r, CancellationToken ct)
    {
        var region = r.RegionCode?.Trim() ?? "";
        var affairs = (r.AffairCodes ?? []).Select(a => a.Trim()).ToList();
        var code = OrganisationRules.CleanCode(r.Code);
        var name = SearchText.Normalise(r.Name);
        var orgs = await db.Organisations.AsNoTracking().Where(o => o.Code == code || o.NormalizedName == name).ToListAsync(ct);
        return new OrganisationLookups
        {
            Regions = [.. await db.Regions.Where(x => x.Code == region).Select(x => x.Code).ToListAsync(ct)],
            Affairs = [.. await db.Affairs.Where(a => affairs.Contains(a.Code)).Select(a => a.Code).ToListAsync(ct)],
            ByCode = orgs.ToDictionary(o => o.Code),
            ByNormalizedName = orgs.ToDictionary(o => o.NormalizedName),
        };
    }

    public static async Task<OrganisationLookups> AllAsync(RegistryDb db, CancellationToken ct)
    {
        var orgs = await db.Organisations.ToListAsync(ct);
        return new OrganisationLookups
        {
            Regions = [.. await db.Regions.Select(x => x.Code).ToListAsync(ct)],
            Affairs = [.. await db.Affairs.Select(a => a.Code).ToListAsync(ct)],
            ByCode = orgs.ToDictionary(o => o.Code),
            ByNormalizedName = orgs.ToDictionary(o => o.NormalizedName),
        };
    }
}

internal static class OrganisationRules
{
    public static string CleanCode(string? code) => (code ?? "").Trim().ToLowerInvariant();

    /// <summary>Field errors of a create (<paramref name="self"/> null) or an update of <paramref name="self"/>.</summary>
    public static Validator Validate(OrganisationRequest r, Guid? self, OrganisationLookups known)
    {
        var v = new Validator();
        var code = CleanCode(r.Code);
        v.Require("Code", r.Code, 40);
        if (code.Length > 0)
        {
            v.Check(Codes.Organisation().IsMatch(code), "Code", Msg.Of("organisation_code_format"));
            if (known.ByCode.TryGetValue(code, out var other) && other.Id != self)
                v.Add("Code", Msg.Of("organisation_code_taken", code, other.Name));
        }

        v.Require("Name", r.Name, 200);
        var name = SearchText.Normalise(r.Name);
        if (!string.IsNullOrWhiteSpace(r.Name))
        {
            v.Check(name.Length > 0, "Name", Msg.Of("letters_or_digits"));
            if (name.Length > 0 && known.ByNormalizedName.TryGetValue(name, out var twin) && twin.Id != self)
                v.Add("Name", Msg.Of("organisation_name_collides", twin.Name, twin.Code));
        }

        v.Check((r.ShortName?.Trim().Length ?? 0) <= 60, "ShortName", Msg.Of("max_length", 60));
        var kind = r.Kind?.Trim().ToLowerInvariant();
        v.Check(kind is not null && OrganisationKinds.All.Contains(kind), "Kind", Msg.Of("one_of", string.Join(", ", OrganisationKinds.All)));
        var region = r.RegionCode?.Trim();
        if (string.IsNullOrEmpty(region))
            v.Check(kind is not (OrganisationKinds.Agency or OrganisationKinds.Government), "RegionCode", Msg.Of("region_required_for_kind"));
        else if (!Codes.Region().IsMatch(region))
            v.Add("RegionCode", Msg.Of("region_code_malformed"));
        else if (!known.Regions.Contains(region))
            v.Add("RegionCode", Msg.Of("region_not_found"));
        var unknown = (r.AffairCodes ?? []).Select(a => a.Trim()).Where(a => !known.Affairs.Contains(a)).ToList();
        if (unknown.Count > 0)
            v.Add("AffairCodes", Msg.Of("affair_codes_unknown", string.Join(", ", unknown)));
        return v;
    }

    public static void Apply(OrganisationRequest r, Organisation o)
    {
        o.Code = CleanCode(r.Code);
        o.Name = r.Name!.Trim();
        o.NormalizedName = SearchText.Normalise(o.Name);
        o.ShortName = string.IsNullOrWhiteSpace(r.ShortName) ? null : r.ShortName.Trim();
        o.Kind = r.Kind!.Trim().ToLowerInvariant();
        o.RegionCode = string.IsNullOrWhiteSpace(r.RegionCode) ? null : r.RegionCode.Trim();
        var affairs = (r.AffairCodes ?? []).Select(a => a.Trim()).Distinct().Order(StringComparer.Ordinal).ToList();
        if (!o.AffairCodes.SequenceEqual(affairs))
            o.AffairCodes = affairs;
    }
}
