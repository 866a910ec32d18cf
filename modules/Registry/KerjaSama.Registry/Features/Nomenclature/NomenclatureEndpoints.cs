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

internal static partial class NomenclatureEndpoints
{
    public static void Map(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        var group = reads.MapGroup("/nomenclature").WithTags("Registry: planning nomenclature");
        group.MapGet("/", List).WithName("ListNomenclature");
        group.MapGet("/export", Export).WithName("ExportNomenclature");
        group.MapGet("/stats", Stats).WithName("NomenclatureStats");
        writes.MapPost("/nomenclature/import", Import).WithTags("Registry: planning nomenclature").WithName("ImportNomenclature")
            .Accepts<string>("text/csv", "multipart/form-data", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    /// <summary>
    /// <paramref name="q"/> finds codes by number (a code prefix such as <c>1.02.02</c>) or by words: every word must occur
    /// in the name, ignoring case and punctuation ("ibu hamil" finds 1.02.02.2.02.0001). Retired codes only on request.
    /// </summary>
    private static async Task<Ok<PagedResult<NomenclatureDto>>> List(RegistryDb db, string? q, string? level, string? prefix,
        string? governmentLevel, bool includeRetired = false, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = Filter(db, level, prefix);
        if (!includeRetired)
            query = query.Where(n => n.RetiredAt == null);
        if (!string.IsNullOrWhiteSpace(governmentLevel))
        {
            var g = governmentLevel.Trim();
            query = query.Where(n => n.GovernmentLevels.Contains(g));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            if (CodePrefix().IsMatch(term))
            {
                query = query.Where(n => n.Code.StartsWith(term));
            }
            else
            {
                foreach (var word in term.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(SearchText.Normalise).Where(w => w.Length > 0))
                    query = query.Where(n => n.SearchKey.Contains(word));
            }
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(n => n.Code).ThenBy(n => n.Scope).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<NomenclatureDto>([.. items.Select(NomenclatureDto.From)], page, pageSize, total));
    }

    private static async Task<FileContentHttpResult> Export(RegistryDb db, string? level, string? prefix, CancellationToken ct)
    {
        var items = await Filter(db, level, prefix).OrderBy(n => n.Code).ThenBy(n => n.Scope).ToListAsync(ct);
        var csv = CsvTable.Write([.. ImportNomenclature.Columns, ImportNomenclature.GovernmentLevelsColumn],
            items.Select(n => new[] { n.Code, n.Level, n.Name, n.Output, n.Indicator, n.Unit, n.GovernmentLevels }));
        return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "nomenclature.csv");
    }

    private static async Task<Ok<NomenclatureStatsDto>> Stats(RegistryDb db, CancellationToken ct)
    {
        var rows = await db.Nomenclature.AsNoTracking().Where(n => n.RetiredAt == null)
            .Select(n => new { n.Code, n.Level, n.GovernmentLevels }).ToListAsync(ct);
        var levels = rows.GroupBy(r => r.Level).ToDictionary(g => g.Key, g => g.Count());
        var byGovernment = Codes.GovernmentLevels.ToDictionary(g => g, g => (IReadOnlyDictionary<string, int>)rows
            .Where(r => r.GovernmentLevels.Split(';').Contains(g)).GroupBy(r => r.Level).ToDictionary(x => x.Key, x => x.Count()));
        var byUrusan = rows.GroupBy(r => r.Code[..1]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.GroupBy(r => r.Level).ToDictionary(x => x.Key, x => x.Count()));
        var retired = await db.Nomenclature.CountAsync(n => n.RetiredAt != null, ct);
        return TypedResults.Ok(new NomenclatureStatsDto(levels, byGovernment, byUrusan, retired));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d(\.\d{1,4})*\.?$")]
    private static partial System.Text.RegularExpressions.Regex CodePrefix();

    private static IQueryable<NomenclatureItem> Filter(RegistryDb db, string? level, string? prefix)
    {
        var query = db.Nomenclature.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(level))
            query = query.Where(n => n.Level == level.Trim());
        if (!string.IsNullOrWhiteSpace(prefix))
            query = query.Where(n => n.Code.StartsWith(prefix.Trim()));
        return query;
    }

    /// <summary>
    /// All-or-nothing import of the project's CSV or the official spreadsheet (XLSX). <c>edition=true</c>: the file is a whole new edition (stored codes it lacks are retired and
    /// listed as removed); <c>preview=true</c>: the report of added, renamed and removed codes without storing anything.
    /// </summary>
    private static async Task<IResult> Import(HttpContext http, RegistryDb db, IOptions<ImportLimits> limits, TimeProvider clock,
        bool edition = false, bool preview = false, CancellationToken ct = default)
    {
        var (content, problem) = await CsvUpload.ReadBytesAsync(http, limits.Value, ct);
        if (problem is not null)
            return problem;
        var (result, report) = await ImportNomenclature.RunAsync(db, content!, ImportLimits.Sheet, edition, preview, clock.GetUtcNow(), ct);
        return result.Succeeded
            ? TypedResults.Ok(new NomenclatureImportDto(result.Rows, result.Created, result.Updated, report!))
            : ImportProblems.Invalid(result.Errors);
    }
}
