using KerjaSama.Modularity.Localization;

namespace KerjaSama.Modularity.Http;

/// <summary>
/// Collects field errors so an endpoint can answer all of them at once. Each error is a catalogue message
/// (<see cref="Msg"/>): its text in the request's language and its key as the field's stable code.
/// </summary>
public sealed class Validator
{
    /// <summary>The code of an error still written as an English literal (not yet in the catalogue).</summary>
    public const string UncataloguedCode = "invalid";

    private readonly Dictionary<string, List<(string Code, string Text)>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validator Require(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, Msg.Of("required"));
        else if (value.Length > maxLength)
            Add(field, Msg.Of("max_length", maxLength));
        return this;
    }

    public Validator Check(bool ok, string field, Msg message)
    {
        if (!ok)
            Add(field, message);
        return this;
    }

    public Validator Check(bool ok, string field, string message)
    {
        if (!ok)
            Add(field, message);
        return this;
    }

    public Validator Add(string field, Msg message) => Add(field, message.Key, message.ToString());

    public Validator Add(string field, string message) => Add(field, UncataloguedCode, message);

    /// <summary>An error whose <paramref name="text"/> is already in the reader's language (e.g. a password policy's reasons).</summary>
    public Validator Add(string field, string code, string text)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add((code, text));
        return this;
    }

    public FieldErrors ToDictionary()
    {
        var errors = new FieldErrors();
        foreach (var (field, list) in _errors)
        {
            errors[field] = [.. list.Select(e => e.Text)];
            errors.Codes[field] = [.. list.Select(e => e.Code)];
        }

        return errors;
    }
}
