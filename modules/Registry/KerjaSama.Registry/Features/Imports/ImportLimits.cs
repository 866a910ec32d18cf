namespace KerjaSama.Registry.Features.Imports;

/// <summary>Settings under <c>KerjaSama:Limits</c> that bound CSV imports.</summary>
internal sealed class ImportLimits
{
    public const string Section = "KerjaSama:Limits";

    public long MaxImportBytes { get; set; } = 10 * 1024 * 1024;

    public string Describe() => MaxImportBytes % (1024 * 1024) == 0
        ? $"{MaxImportBytes / (1024 * 1024)} MB ({MaxImportBytes} bytes)"
        : $"{MaxImportBytes} bytes";
}
