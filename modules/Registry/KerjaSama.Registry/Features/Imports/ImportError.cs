using KerjaSama.Modularity.Localization;

namespace KerjaSama.Registry.Features.Imports;

/// <summary>Why one line of an imported file was refused; <see cref="Code"/> is the catalogue's stable key when there is one.</summary>
internal sealed record ImportError(int Line, string Field, string Reason, string? Code = null)
{
    /// <summary>A reason from the message catalogue, in the reader's language, with its stable code.</summary>
    public static ImportError Of(int line, string field, Msg reason) => new(line, field, reason.ToString(), reason.Key);
}

/// <summary>The outcome of an all-or-nothing import: either every row was stored or none was.</summary>
internal sealed record ImportResult(int Rows, int Created, int Updated, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportResult Failed(IReadOnlyList<ImportError> errors) => new(0, 0, 0, errors);
}

internal sealed record ImportSummary(int Rows, int Created, int Updated);
