namespace KerjaSama.Planning.Board;

/// <summary>The board's UI text, Bahasa Indonesia first and English second, like the shell's <c>@L["id", "en"]</c>.</summary>
public sealed class BoardText(string language)
{
    public bool IsEnglish { get; } = language == "en";

    public string this[string indonesian, string english] => IsEnglish ? english : indonesian;
}
