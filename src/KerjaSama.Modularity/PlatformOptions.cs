namespace KerjaSama.Modularity;

/// <summary>Settings under <c>KerjaSama</c> that are not owned by one module.</summary>
public sealed class PlatformOptions
{
    public const string Section = "KerjaSama";

    /// <summary>
    /// Folder for the embedded database, keys and generated files. Relative paths are resolved against the
    /// content root. Created on first run.
    /// </summary>
    public string DataDirectory { get; set; } = "App_Data";
}
