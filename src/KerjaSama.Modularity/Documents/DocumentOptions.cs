namespace KerjaSama.Modularity.Documents;

/// <summary>Settings under <c>KerjaSama:Documents</c>: how DOCX/XLSX documents become PDF (LibreOffice headless).</summary>
public sealed class DocumentOptions
{
    public const string Section = "KerjaSama:Documents";

    /// <summary>The LibreOffice program; empty = <c>soffice</c> on the PATH or <c>/usr/bin/soffice</c>.</summary>
    public string? OfficePath { get; set; }

    /// <summary>Longest time one conversion may take before it is stopped.</summary>
    public int ConvertTimeoutSeconds { get; set; } = 120;
}
