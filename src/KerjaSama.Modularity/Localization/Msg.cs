namespace KerjaSama.Modularity.Localization;

/// <summary>
/// A message of the catalogue (<see cref="Messages"/>): its stable English key, which is also the machine code a
/// client switches on, and the arguments of its text. The text is chosen when it is shown, in the reader's language.
/// </summary>
public readonly record struct Msg(string Key, IReadOnlyList<object?> Args)
{
    public static Msg Of(string key, params object?[] args) => new(key, args);

    /// <summary>The text in the current UI culture.</summary>
    public override string ToString() => Messages.Text(Key, [.. Args]);
}
