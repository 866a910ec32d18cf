using KerjaSama.Modularity.Http;
using KerjaSama.Registry.Persistence;
using KerjaSama.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KerjaSama.Registry.Features.Regions;

internal static class RegionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/regions").WithTags("Registry: regions");
        group.MapGet("/", List).WithName("ListRegions");
        group.MapGet("/{code}", Get).WithName("GetRegion");
        group.MapGet("/{code}/borders", Borders).WithName("GetRegionBorders");
    }

    private static async Task<Ok<PagedResult<RegionDto>>> List(RegistryDb db, string? parent, string? type, string? q,
        int page = 1, int pageSize = 50, CancellationToken ct = default) =>
        TypedResults.Ok(await RegionQueries.ListAsync(db, parent, type, q, page, pageSize, ct));

    private static async Task<Results<Ok<RegionDto>, ValidationProblem, ProblemHttpResult>> Get(string code, RegistryDb db, CancellationToken ct)
    {
        if (!Codes.Region().IsMatch(code))
            return MalformedCode(code);
        return await RegionQueries.FindAsync(db, code, ct) is { } r ? TypedResults.Ok(RegionDto.From(r)) : NotFound(code);
    }

    private static async Task<Results<Ok<List<RegionDto>>, ValidationProblem, ProblemHttpResult>> Borders(string code, RegistryDb db,
        CancellationToken ct)
    {
        if (!Codes.Region().IsMatch(code))
            return MalformedCode(code);
        if (await RegionQueries.FindAsync(db, code, ct) is null)
            return NotFound(code);
        return TypedResults.Ok(await RegionQueries.NeighboursAsync(db, code, ct));
    }

    private static ValidationProblem MalformedCode(string code) =>
        Problems.Validation("code", $"'{code}' is not a Kemendagri region code such as 62 or 62.71.", "region_code_malformed");

    private static ProblemHttpResult NotFound(string code) => Problems.NotFound("region_not_found", $"No region has the code {code}.");
}
