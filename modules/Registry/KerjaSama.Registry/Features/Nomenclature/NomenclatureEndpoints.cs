using System.Text;
using KerjaSama.Modularity.Http;
using KerjaSama.Registry.Csv;
using KerjaSama.Registry.Features.Imports;
using KerjaSama.Registry.Nomenclature;
using KerjaSama.Registry.Persistence;
using KerjaSama.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KerjaSama.Registry.Features.Nomenclature;

internal static class NomenclatureEndpoints
{
    public static void Map(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        var group = reads.MapGroup("/nomenclature").WithTags("Registry: planning nomenclature");
        group.MapGet("/", List).WithName("ListNomenclature");
        group.MapGet("/export", Export).WithName("ExportNomenclature");
        writes.MapPost("/nomenclature/import", Import).WithTags("Registry: planning nomenclature").WithName("ImportNomenclature")
            .Accepts<string>("text/csv", "multipart/form-data");
    }

    private static async Task<Ok<PagedResult<NomenclatureDto>>> List(RegistryDb db, string? q, string? level, string? prefix,
        int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = Filter(db, level, prefix);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower(); the StringComparison overloads are not translated to SQL.
            query = query.Where(n => n.Name.ToLower().Contains(term) || n.Code.StartsWith(term));
#pragma warning restore CA1862
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(n => n.Code).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<NomenclatureDto>([.. items.Select(NomenclatureDto.From)], page, pageSize, total));
    }

    private static async Task<FileContentHttpResult> Export(RegistryDb db, string? level, string? prefix, CancellationToken ct)
    {
        var items = await Filter(db, level, prefix).OrderBy(n => n.Code).ToListAsync(ct);
        var csv = CsvTable.Write(ImportNomenclature.Columns, items.Select(n => new[] { n.Code, n.Level, n.Name, n.Output, n.Indicator, n.Unit }));
        return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "nomenclature.csv");
    }

    private static IQueryable<NomenclatureItem> Filter(RegistryDb db, string? level, string? prefix)
    {
        var query = db.Nomenclature.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(level))
            query = query.Where(n => n.Level == level.Trim());
        if (!string.IsNullOrWhiteSpace(prefix))
            query = query.Where(n => n.Code.StartsWith(prefix.Trim()));
        return query;
    }

    private static Task<IResult> Import(HttpContext http, RegistryDb db, IOptions<ImportLimits> limits, CancellationToken ct) =>
        ImportEndpoint.HandleAsync(http, limits, (text, c) => ImportNomenclature.RunAsync(db, text, c), ct);
}
