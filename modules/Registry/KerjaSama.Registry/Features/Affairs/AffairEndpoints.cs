using KerjaSama.Modularity.Http;
using KerjaSama.Registry.Features.Imports;
using KerjaSama.Registry.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace KerjaSama.Registry.Features.Affairs;

internal static class AffairEndpoints
{
    public static void Map(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        var group = reads.MapGroup("/affairs").WithTags("Registry: government affairs");
        group.MapGet("/", List).WithName("ListAffairs");
        group.MapGet("/{code}", Get).WithName("GetAffair");
        writes.MapPost("/affairs/sub-affairs/import", Import).WithTags("Registry: government affairs").WithName("ImportSubAffairs")
            .Accepts<string>("text/csv", "multipart/form-data");
    }

    private static async Task<Ok<List<AffairDto>>> List(RegistryDb db, string? group, bool? cooperable, CancellationToken ct) =>
        TypedResults.Ok(await AffairQueries.ListAsync(db, group, cooperable, ct));

    private static async Task<Results<Ok<AffairDetailDto>, ValidationProblem, ProblemHttpResult>> Get(string code, RegistryDb db,
        CancellationToken ct)
    {
        if (!Codes.Affair().IsMatch(code))
            return Problems.Validation("code", $"'{code}' is not an affair code such as 1.02.", "affair_code_malformed");
        return await AffairQueries.FindAsync(db, code, ct) is { } a
            ? TypedResults.Ok(a)
            : Problems.NotFound("affair_not_found", $"No government affair has the code {code}.");
    }

    private static Task<IResult> Import(HttpContext http, RegistryDb db, IOptions<ImportLimits> limits, CancellationToken ct) =>
        ImportEndpoint.HandleAsync(http, limits, (text, c) => ImportSubAffairs.RunAsync(db, text, c), ct);
}
