using Microsoft.AspNetCore.Http.Metadata;

namespace KerjaSama.Partners.Pages;

/// <summary>
/// Lets document uploads (API and page) exceed the host's 1 MB body default; the configured
/// KerjaSama:Partners:MaxDocumentBytes is then enforced while the file is read.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class DocumentBodyLimitAttribute : Attribute, IRequestSizeLimitMetadata
{
    // REVIEW: a fixed ceiling because attributes take constants; raise it if MaxDocumentBytes is ever set above 64 MB.
    public const long Ceiling = 64 * 1024 * 1024;

    public long? MaxRequestBodySize => Ceiling;
}
