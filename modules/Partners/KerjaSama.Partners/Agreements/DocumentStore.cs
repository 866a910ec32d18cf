using System.Security.Cryptography;
using KerjaSama.Modularity.Security;
using KerjaSama.Partners.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Http;
using KerjaSama.SharedKernel;

namespace KerjaSama.Partners.Agreements;

/// <summary>
/// PDF documents of agreements, versioned per kind. The bytes go to a temporary file first, are checked, and only
/// then get a row and their final name, so a refused upload leaves nothing behind.
/// </summary>
internal sealed class DocumentStore(PartnersDb db, PartnersPaths paths, IOptions<PartnersOptions> options,
    [FromKeyedServices(PartnersClock.Key)] TimeProvider clock)
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();

    public long MaxBytes => options.Value.MaxDocumentBytes;

    public async Task<Outcome<DocumentDto>> UploadAsync(Caller caller, Guid agreementId, string? kind, string fileName, string? contentType,
        long length, Stream content, CancellationToken ct)
    {
        if (!await db.Agreements.AnyAsync(a => a.Id == agreementId, ct))
            return Outcome<DocumentDto>.Fail(StatusCodes.Status404NotFound, "agreement_not_found", "No agreement has this id.");
        kind = string.IsNullOrWhiteSpace(kind) ? "signed" : kind.Trim().ToLowerInvariant();
        if (kind.Length > 40 || !kind.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            return Outcome<DocumentDto>.Invalid("Kind", Msg.Of("kind_format"));
        if (length > MaxBytes)
            return TooLarge();
        if (!string.Equals(contentType, "application/pdf", StringComparison.OrdinalIgnoreCase))
            return Outcome<DocumentDto>.Invalid("File", "Only PDF documents (application/pdf) are accepted.", "not_a_pdf");

        var folder = Path.Combine(paths.Documents, agreementId.ToString("N"));
        Directory.CreateDirectory(folder);
        var id = Guid.CreateVersion7();
        var temp = Path.Combine(folder, $"{id:N}.uploading");
        var final = Path.Combine(folder, $"{id:N}.pdf");
        try
        {
            var (size, hash, isPdf) = await CopyAsync(content, temp, ct);
            if (size > MaxBytes)
                return TooLarge();
            if (!isPdf)
                return Outcome<DocumentDto>.Invalid("File", "The file does not start like a PDF (%PDF-).", "not_a_pdf");
            var version = 1 + (await db.Documents.Where(d => d.AgreementId == agreementId && d.Kind == kind).MaxAsync(d => (int?)d.Version, ct) ?? 0);
            var document = new AgreementDocument
            {
                Id = id, AgreementId = agreementId, Kind = kind, Version = version, FileName = SafeName(fileName), Size = size, Sha256 = hash,
                UploadedBy = caller.UserId, UploadedAt = clock.GetUtcNow(),
            };
            File.Move(temp, final);
            db.Documents.Add(document);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                File.Delete(final);
                return Outcome<DocumentDto>.Fail(StatusCodes.Status409Conflict, ProblemCodes.VersionConflict, "Another version was uploaded at the same time; upload again.");
            }

            return new DocumentDto(document.Id, document.Kind, document.Version, document.FileName, document.Size, document.Sha256, document.UploadedAt);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<(AgreementDocument Document, string Path)?> FindAsync(Guid agreementId, Guid documentId, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.AgreementId == agreementId && d.Id == documentId, ct);
        return document is null ? null : (document, Path.Combine(paths.Documents, agreementId.ToString("N"), $"{documentId:N}.pdf"));
    }

    private async Task<(long Size, string Hash, bool IsPdf)> CopyAsync(Stream content, string path, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var head = new List<byte>(PdfMagic.Length);
        long size = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > MaxBytes)
                    return (size, "", false);
                for (var i = 0; i < read && head.Count < PdfMagic.Length; i++)
                    head.Add(buffer[i]);
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }

        return (size, Convert.ToHexStringLower(sha.GetHashAndReset()), head.SequenceEqual(PdfMagic));
    }

    private Outcome<DocumentDto> TooLarge() => Outcome<DocumentDto>.Fail(StatusCodes.Status413PayloadTooLarge, "document_too_large",
        $"A document may have at most {MaxBytes} bytes.");

    private static string SafeName(string name)
    {
        var file = Path.GetFileName(name);
        var clean = new string([.. file.Select(c => char.IsControl(c) || Path.GetInvalidFileNameChars().Contains(c) ? '_' : c)]);
        return string.IsNullOrWhiteSpace(clean) ? "document.pdf" : clean[..Math.Min(clean.Length, 200)];
    }
}
