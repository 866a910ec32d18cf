using System.Text;
using KerjaSama.Modularity.Http;
using KerjaSama.Registry.Csv;
using KerjaSama.Registry.Features.Imports;
using KerjaSama.Registry.Organisations;
using KerjaSama.Registry.Persistence;
using KerjaSama.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KerjaSama.Registry.Features.Organisations;

internal static class OrganisationEndpoints
{
    private static readonly string[] ExportColumns = [.. ImportOrganisations.Columns, "active"];

    public static void Map(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        var group = reads.MapGroup("/organisations").WithTags("Registry: organisations");
        group.MapGet("/", List).WithName("ListOrganisations");
        group.MapGet("/export", Export).WithName("ExportOrganisations");
        group.MapGet("/{id:guid}", Get).WithName("GetOrganisation");
        var write = writes.MapGroup("/organisations").WithTags("Registry: organisations");
        write.MapPost("/", Create).WithName("CreateOrganisation");
        write.MapPut("/{id:guid}", Update).WithName("UpdateOrganisation");
        write.MapPost("/{id:guid}/deactivate", Deactivate).WithName("DeactivateOrganisation");
        write.MapPost("/import", Import).WithName("ImportOrganisations").Accepts<string>("text/csv", "multipart/form-data");
    }

    private static async Task<Ok<PagedResult<OrganisationDto>>> List(RegistryDb db, string? kind, string? region, string? q, bool? active,
        int page = 1, int pageSize = 50, CancellationToken ct = default) =>
        TypedResults.Ok(await OrganisationQueries.ListAsync(db, kind, region, q, active, page, pageSize, ct));

    private static async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> Get(Guid id, RegistryDb db, CancellationToken ct) =>
        await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is { } o
            ? TypedResults.Ok(OrganisationDto.From(o))
            : Problems.NotFound(OrganisationCommands.NotFound, $"No organisation has the id {id}.");

    private static async Task<FileContentHttpResult> Export(RegistryDb db, string? kind, string? region, CancellationToken ct)
    {
        var orgs = await OrganisationQueries.Filter(db, kind, region, null, null).OrderBy(o => o.Code).ToListAsync(ct);
        var csv = CsvTable.Write(ExportColumns, orgs.Select(ImportOrganisations.ToCsvRow));
        return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "organisations.csv");
    }

    private static async Task<Results<Created<OrganisationDto>, ValidationProblem>> Create(OrganisationRequest request,
        OrganisationCommands commands, CancellationToken ct)
    {
        var outcome = await commands.CreateAsync(request, ct);
        return outcome is { Succeeded: true, Value: { } o }
            ? TypedResults.Created($"/api/registry/organisations/{o.Id}", OrganisationDto.From(o))
            : Problems.Validation(outcome.Errors!);
    }

    private static async Task<Results<Ok<OrganisationDto>, ValidationProblem, ProblemHttpResult>> Update(Guid id, OrganisationRequest request,
        OrganisationCommands commands, CancellationToken ct) =>
        Answer(await commands.UpdateAsync(id, request, ct));

    private static async Task<Results<Ok<OrganisationDto>, ValidationProblem, ProblemHttpResult>> Deactivate(Guid id,
        OrganisationCommands commands, CancellationToken ct) =>
        Answer(await commands.DeactivateAsync(id, ct));

    private static Task<IResult> Import(HttpContext http, RegistryDb db, IIntegrationEventPublisher events, TimeProvider clock,
        IOptions<ImportLimits> limits, CancellationToken ct) =>
        ImportEndpoint.HandleAsync(http, limits, (text, c) => ImportOrganisations.RunAsync(db, events, clock, text, c), ct);

    private static Results<Ok<OrganisationDto>, ValidationProblem, ProblemHttpResult> Answer(Outcome<Organisation> outcome) =>
        outcome switch
        {
            { Succeeded: true, Value: { } o } => TypedResults.Ok(OrganisationDto.From(o)),
            { Errors: { } errors } => Problems.Validation(errors),
            { Conflict: true } => Problems.Conflict(outcome.Code!, outcome.Detail!),
            _ => Problems.NotFound(outcome.Code!, outcome.Detail!),
        };
}
