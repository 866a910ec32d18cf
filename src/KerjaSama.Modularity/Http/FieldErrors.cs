namespace KerjaSama.Modularity.Http;

/// <summary>
/// Field errors as ProblemDetails <c>errors</c> (field → texts in the reader's language) with the stable English
/// <see cref="Codes"/> of each text, in the same order (field → codes), which <see cref="Problems"/> adds as <c>codes</c>.
/// </summary>
public sealed class FieldErrors : Dictionary<string, string[]>
{
    public FieldErrors() : base(StringComparer.Ordinal)
    {
    }

    public Dictionary<string, string[]> Codes { get; } = new(StringComparer.Ordinal);
}
