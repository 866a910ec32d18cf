using KerjaSama.Modularity.Localization;
using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Live;

/// <summary>
/// Refusals as people read them: the grains answer a stable English code (and an English message for logs and
/// tests); what a client shows is the catalogue's text of that code (<c>code.field</c> first) in the connection's or
/// request's language (<see cref="HubCultureFilter"/>, request localization), the English message only when the
/// catalogue lacks the code.
/// </summary>
internal static class LiveText
{
    public static string Of(string code, string fallback, string? field = null) => Messages.ForCode(code, field) ?? fallback;

    public static AckError Error(string code, string fallback, string? field = null) =>
        new() { Code = code, Message = Of(code, fallback, field), Field = field };

    public static AckError? Error(FieldError? e) => e is null ? null : Error(e.Code, e.Message, e.Field);

    /// <summary>The message of a hub error: the code first (clients switch on it), then the text.</summary>
    public static string Hub(string code, string fallback) => $"{code}: {Of(code, fallback)}";
}
