namespace KerjaSama.Host.Composition;

/// <summary>Settings under <c>KerjaSama:Security</c>: cross-site request protection, HSTS and the API reference's exposure.</summary>
internal sealed class SecuritySettings
{
    public const string Section = "KerjaSama:Security";

    /// <summary>Origins besides the host's own (its request origin and the identity issuer's) whose pages may call the
    /// cookie-authenticated API and open the hubs, e.g. <c>https://kerjasama.kalteng.go.id</c>.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public HstsSettings Hsts { get; set; } = new();

    /// <summary><c>Auto</c> (public in Development and Testing, secretariat only elsewhere), <c>Public</c>,
    /// <c>Secretariat</c> or <c>Off</c>: who may read <c>/openapi/v1.json</c> and <c>/scalar/v1</c>.</summary>
    public string OpenApi { get; set; } = OpenApiExposure.Auto;

    public bool IsValid(out string error)
    {
        foreach (var origin in AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                || uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query))
            {
                error = $"{Section}:AllowedOrigins '{origin}' is not an origin such as https://kerjasama.example.go.id.";
                return false;
            }
        }

        if (!OpenApiExposure.All.Contains(OpenApi, StringComparer.OrdinalIgnoreCase))
        {
            error = $"{Section}:OpenApi must be one of {string.Join(", ", OpenApiExposure.All)}.";
            return false;
        }

        if (Hsts.MaxAgeDays < 0)
        {
            error = $"{Section}:Hsts:MaxAgeDays must not be negative.";
            return false;
        }

        error = "";
        return true;
    }
}

internal sealed class HstsSettings
{
    /// <summary>Send <c>Strict-Transport-Security</c> on HTTPS answers; never in Development.</summary>
    public bool Enabled { get; set; } = true;

    public int MaxAgeDays { get; set; } = 365;

    public bool IncludeSubDomains { get; set; }

    public bool Preload { get; set; }
}

internal static class OpenApiExposure
{
    public const string Auto = "Auto";
    public const string Public = "Public";
    public const string Secretariat = "Secretariat";
    public const string Off = "Off";

    public static readonly IReadOnlyList<string> All = [Auto, Public, Secretariat, Off];
}
