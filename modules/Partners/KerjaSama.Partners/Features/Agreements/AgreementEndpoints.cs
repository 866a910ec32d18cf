using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Security;
using KerjaSama.Partners.Agreements;
using KerjaSama.Partners.Evaluations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Partners.Features.Agreements;

internal static class AgreementEndpoints
{
    private const string NotShared = "No agreement with this id is shared with your organisation.";

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/agreements").WithTags("Agreements").RequireAuthorization(Policies.Member);
        group.MapGet("/", async (string? kind, Guid? partner, AgreementCommands agreements, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await agreements.ListAsync(Caller.From(http.User)!, kind, partner, ct)));
        group.MapGet("/{id:guid}", async (Guid id, AgreementCommands agreements, HttpContext http, CancellationToken ct) =>
            await agreements.FindAsync(Caller.From(http.User)!, id, ct) is { } a ? Results.Ok(a) : Problems.NotFound("agreement_not_found", NotShared));
        group.MapPost("/", async (CreateAgreementRequest request, AgreementCommands agreements, HttpContext http, CancellationToken ct) =>
                (await agreements.CreateAsync(Caller.From(http.User)!, request, ct)).ToResult(a => TypedResults.Created($"/api/partners/agreements/{a.Id}", a)))
            .RequireAuthorization(Policies.Secretariat);
        group.MapPost("/{id:guid}/changes", async (Guid id, AddChangeRequest request, AgreementCommands agreements, HttpContext http, CancellationToken ct) =>
                (await agreements.AddChangeAsync(Caller.From(http.User)!, id, request, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Policies.Secretariat);

        group.MapPost("/{id:guid}/documents", UploadAsync).RequireAuthorization(Policies.Secretariat).DisableAntiforgery()
            .WithMetadata(new Pages.DocumentBodyLimitAttribute());
        group.MapGet("/{id:guid}/documents/{documentId:guid}", DownloadAsync);

        group.MapGet("/{id:guid}/evaluations", async (Guid id, EvaluationCommands evaluations, HttpContext http, CancellationToken ct) =>
            await evaluations.ListAsync(Caller.From(http.User)!, id, ct) is { } list ? Results.Ok(list) : Problems.NotFound("agreement_not_found", NotShared));
        group.MapPost("/{id:guid}/evaluations", async (Guid id, CreateEvaluationRequest request, EvaluationCommands evaluations, HttpContext http,
            CancellationToken ct) => (await evaluations.CreateAsync(Caller.From(http.User)!, id, request, ct)).ToResult(e => TypedResults.Created(
                $"/api/partners/agreements/{id}/evaluations", e)));
    }

    // Multipart with a "file" part (application/pdf) and an optional "kind" field. The body is refused before it is
    // read when its declared length is already over the limit.
    internal static async Task<IResult> UploadAsync(Guid id, HttpRequest request, DocumentStore store, CancellationToken ct)
    {
        const long multipartOverhead = 16 * 1024;
        if (request.ContentLength > store.MaxBytes + multipartOverhead)
            return TooLarge(store);
        if (!request.HasFormContentType)
            return Problems.Validation("File", Msg.Of("multipart_file_required"));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return TooLarge(store);
        }

        if (form.Files.GetFile("file") is not { } file)
            return Problems.Validation("File", Msg.Of("required"));
        await using var stream = file.OpenReadStream();
        var outcome = await store.UploadAsync(Caller.From(request.HttpContext.User)!, id, form["kind"], file.FileName, file.ContentType, file.Length, stream, ct);
        return outcome.ToResult(d => TypedResults.Created($"/api/partners/agreements/{id}/documents/{d.Id}", d));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(DocumentStore store) => TypedResults.Problem(KerjaSama.Modularity.Localization.Messages.Text("document_too_large_bytes", store.MaxBytes),
        statusCode: StatusCodes.Status413PayloadTooLarge, extensions: new Dictionary<string, object?> { ["code"] = "document_too_large" });

    // Only the parties' users, the responsible agency and the secretariat download; anyone else gets "not found".
    internal static async Task<IResult> DownloadAsync(Guid id, Guid documentId, Persistence.PartnersDb db, DocumentStore store, HttpContext http,
        CancellationToken ct)
    {
        var caller = Caller.From(http.User)!;
        if (!await db.Agreements.VisibleTo(caller).AnyAsync(a => a.Id == id, ct) || await store.FindAsync(id, documentId, ct) is not { } found
            || !File.Exists(found.Path))
        {
            return Problems.NotFound("document_not_found", "No document with this id is shared with your organisation.");
        }

        return TypedResults.PhysicalFile(found.Path, "application/pdf", found.Document.FileName);
    }
}
