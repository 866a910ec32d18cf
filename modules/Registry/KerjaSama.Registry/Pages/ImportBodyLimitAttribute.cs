using Microsoft.AspNetCore.Http.Metadata;

namespace KerjaSama.Registry.Pages;

/// <summary>
/// Lets the import page receive files above the host's 1 MB body default: routing applies this endpoint metadata
/// before Blazor reads the form. The page itself then enforces the configured KerjaSama:Limits:MaxImportBytes.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class ImportBodyLimitAttribute : Attribute, IRequestSizeLimitMetadata
{
    // REVIEW: a fixed ceiling because attributes take constants; raise it if MaxImportBytes is ever set above 64 MB.
    public const long Ceiling = 64 * 1024 * 1024;

    public long? MaxRequestBodySize => Ceiling;
}
