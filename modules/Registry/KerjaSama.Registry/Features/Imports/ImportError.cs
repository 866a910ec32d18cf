namespace KerjaSama.Registry.Features.Imports;

/// <summary>Why one line of an imported CSV file was refused.</summary>
internal sealed record ImportError(int Line, string Field, string Reason);

/// <summary>The outcome of an all-or-nothing import: either every row was stored or none was.</summary>
internal sealed record ImportResult(int Rows, int Created, int Updated, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportResult Failed(IReadOnlyList<ImportError> errors) => new(0, 0, 0, errors);
}

internal sealed record ImportSummary(int Rows, int Created, int Updated);
