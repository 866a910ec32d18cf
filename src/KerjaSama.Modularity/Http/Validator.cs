namespace KerjaSama.Modularity.Http;

/// <summary>Collects field errors so an endpoint can answer all of them at once.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validator Require(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, "Required.");
        else if (value.Length > maxLength)
            Add(field, $"At most {maxLength} characters.");
        return this;
    }

    public Validator Check(bool ok, string field, string message)
    {
        if (!ok)
            Add(field, message);
        return this;
    }

    public Validator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
