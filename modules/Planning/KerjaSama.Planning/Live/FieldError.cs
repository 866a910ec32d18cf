using KerjaSama.Planning.Contracts.Live;
namespace KerjaSama.Planning.Live;

/// <summary>Why an op is rejected; <see cref="Code"/> is stable for clients.</summary>
[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.FieldError")]
internal sealed record FieldError([property: Id(0)] string Code, [property: Id(1)] string Message, [property: Id(2)] string? Field = null)
{
    public static FieldError Invalid(string field, string message) => new(RejectionCodes.InvalidValue, message, field);
}
