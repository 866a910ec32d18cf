using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using KerjaSama.Modularity.Localization;
using KerjaSama.Planning.Contracts.Live;
using Xunit;

namespace KerjaSama.Architecture.Tests;

/// <summary>
/// The message catalogue (ADR 0021) is complete: every hub rejection code and every code or message key the
/// sources refuse with has a Bahasa Indonesia and an English text, and the two files hold the same keys.
/// </summary>
public sealed partial class MessageCatalogueTests
{
    private static readonly IReadOnlyDictionary<string, string> Indonesian = Messages.All(Messages.Indonesian);
    private static readonly IReadOnlyDictionary<string, string> English = Messages.All(Messages.English);

    public static TheoryData<string> RejectionCodeValues => new(typeof(RejectionCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!));

    public static TheoryData<string> CodesInTheSources => new(SourceCodes().Order(StringComparer.Ordinal));

    [Fact]
    public void Both_languages_hold_the_same_keys_with_the_same_arguments_and_no_empty_text()
    {
        Assert.NotEmpty(Indonesian);
        Assert.Equal(Indonesian.Keys.Order(StringComparer.Ordinal), English.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in Indonesian)
        {
            Assert.False(string.IsNullOrWhiteSpace(text), key);
            Assert.False(string.IsNullOrWhiteSpace(English[key]), key);
            Assert.True(Placeholders(text).SetEquals(Placeholders(English[key])), $"{key}: {text} / {English[key]}");
        }
    }

    [Theory]
    [MemberData(nameof(RejectionCodeValues))]
    public void Every_rejection_code_of_the_hub_has_an_Indonesian_and_a_different_English_text(string code) => AssertBothLanguages(code);

    [Theory]
    [MemberData(nameof(CodesInTheSources))]
    public void Every_code_and_message_key_the_sources_refuse_with_has_both_texts(string code) => AssertBothLanguages(code);

    [Fact]
    public void The_catalogue_answers_the_chosen_language_and_Indonesian_for_any_other()
    {
        Assert.Equal("Wajib diisi.", Messages.Text(Messages.Indonesian, "required"));
        Assert.Equal("Wajib diisi.", Messages.Text(CultureInfo.GetCultureInfo("id-ID"), "required"));
        Assert.Equal("Wajib diisi.", Messages.Text(CultureInfo.GetCultureInfo("fr"), "required"));
        Assert.Equal("Required.", Messages.Text(CultureInfo.GetCultureInfo("en-GB"), "required"));
        Assert.Equal("Paling banyak 60 karakter.", Messages.Text(Messages.Indonesian, "max_length", 60));
        Assert.Equal("At most 60 characters.", Messages.Text(Messages.English, "max_length", 60));
    }

    [Fact]
    public void The_sources_are_found_and_use_the_catalogue()
    {
        var codes = SourceCodes();
        Assert.Contains("required", codes);
        Assert.Contains("exercise_not_found", codes);
        Assert.Contains("unknown_column", codes); // a Planning matrix import line
        Assert.Contains("nomenclature_parent_missing", codes); // a nomenclature import line (CSV and XLSX)
        Assert.Contains("nomenclature_parent_not_in_file", codes);
        Assert.Contains("nomenclature_cell_not_under", codes);
        Assert.True(codes.Count > 80, $"only {codes.Count} codes found");
    }

    public static TheoryData<string> MailAndExportKeys => new(MailAndExportKeysInTheSources().Order(StringComparer.Ordinal));

    /// <summary>
    /// Issue 20: every text of an e-mail or an export (<c>mail.*</c>, <c>export.*</c>, read with the recipient's or the
    /// reader's culture) has both an Indonesian and an English text, so a reader who chose English never gets a key.
    /// </summary>
    [Theory]
    [MemberData(nameof(MailAndExportKeys))]
    public void Every_text_of_an_email_or_an_export_exists_in_both_languages(string key)
    {
        Assert.True(Indonesian.TryGetValue(key, out var id) && !string.IsNullOrWhiteSpace(id), $"No Indonesian text for '{key}' in Messages.resx");
        Assert.True(English.TryGetValue(key, out var en) && !string.IsNullOrWhiteSpace(en), $"No English text for '{key}' in Messages.en.resx");
        object?[] args = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(Messages.Text(Messages.English, key, args), Messages.Text(CultureInfo.GetCultureInfo("en-GB"), key, args));
    }

    [Fact]
    public void The_email_and_export_keys_are_found_for_every_email_and_export()
    {
        var keys = MailAndExportKeysInTheSources();
        foreach (var prefix in new[]
        {
            "mail.meeting_invitation.", "mail.account_invitation.", "mail.reminder.", "export.minutes.", "export.agreements.", "export.plan_table.", "export.berita_acara.",
            "export.decree_annex.", "export.ministry_report.", "export.region_names.", "export.labels.", "export.matrix.", "export.timeline.", "export.document.",
        })
            Assert.Contains(keys, k => k.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Contains("export.minutes.no_attendance", keys);
        Assert.Contains("export.agreements.last_recommendation", keys);
        Assert.Contains("export.berita_acara.closing", keys);
        // Issue 20, the rest: the official documents' texts (T helpers and whole keys), the workbook headings, the page footer.
        foreach (var key in new[]
        {
            "export.berita_acara.opening", "export.berita_acara.opening_place", "export.decree_annex.heading", "export.decree_annex.col_budget_indicative",
            "export.decree_annex.adopted_at", "export.ministry_report.opening", "export.ministry_report.group_ksdpl", "export.ministry_report.term",
            "export.region_names.governor", "export.labels.yes", "export.matrix.row_id", "export.matrix.year_budget", "export.timeline.moment_unlocked",
            "export.document.page",
        })
            Assert.Contains(key, keys);
        Assert.True(keys.Count > 80, $"only {keys.Count} e-mail and export keys found");
    }

    /// <summary>
    /// Issue 20: the official documents (decree annex, ministry report, Berita Acara) and the matrix workbook's headings keep no
    /// sentence in their code: every person-visible text is a catalogue key. A string literal of two or more words is a text
    /// left behind, except the data named here (the seat of government RegionNames knows).
    /// </summary>
    [Fact]
    public void The_official_documents_and_the_workbook_headings_keep_no_text_in_their_code()
    {
        string[] files =
        [
            "modules/Planning/KerjaSama.Planning/Consolidation/DecreeAnnex.cs", "modules/Planning/KerjaSama.Planning/Consolidation/DecreeAnnexDocument.cs",
            "modules/Planning/KerjaSama.Planning/Consolidation/MinistryReport.cs", "modules/Planning/KerjaSama.Planning/Consolidation/MinistryReportDocument.cs",
            "modules/Planning/KerjaSama.Planning/Consolidation/MatrixHeadings.cs", "modules/Planning/KerjaSama.Planning/Consolidation/Labels.cs",
            "modules/Planning/KerjaSama.Planning/Documents/RegionNames.cs", "modules/Meetings/KerjaSama.Meetings/Export/BeritaAcaraDocument.cs",
            "src/KerjaSama.Modularity/Documents/WordDocument.cs", "src/KerjaSama.Modularity/Spreadsheets/XlsxPrintSetup.cs",
        ];
        string[] data = ["Kalimantan Tengah", "Palangka Raya"];
        var left = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(Root().FullName, file);
            Assert.True(File.Exists(path), path);
            var code = string.Join('\n', File.ReadAllLines(path).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
            left.AddRange(StringLiteral().Matches(code).Select(m => m.Groups["text"].Value)
                .Where(t => TwoWords().IsMatch(t) && !data.Contains(t)).Select(t => $"{Path.GetFileName(file)}: \"{t}\""));
        }

        Assert.True(left.Count == 0, "Texts still written in the code: " + string.Join("; ", left));
        Assert.Matches(TwoWords(), "Pada hari ini"); // the check itself sees a sentence
    }

    [GeneratedRegex(@"(?<!@)\$?""(?<text>(?:[^""\\\n]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\p{L}{2,}\s+\p{L}{2,}")]
    private static partial Regex TwoWords();

    /// <summary>
    /// The matrix import reads a heading of either language back to its column (MatrixHeadings.ColumnOf, case-insensitive): so no
    /// heading of one column may be a heading of another column in either language.
    /// </summary>
    [Fact]
    public void Every_matrix_heading_names_one_column_in_both_languages()
    {
        var headings = Indonesian.Keys.Where(k => k.StartsWith("export.matrix.", StringComparison.Ordinal))
            .SelectMany(k => new[] { (Key: k, Text: Indonesian[k]), (Key: k, Text: English[k]) })
            .GroupBy(h => h.Text.Trim(), StringComparer.OrdinalIgnoreCase).ToList();
        Assert.True(headings.Count > 30, $"only {headings.Count} matrix headings");
        foreach (var heading in headings)
            Assert.True(heading.Select(h => h.Key).Distinct().Count() == 1, $"'{heading.Key}' names {string.Join(" and ", heading.Select(h => h.Key).Distinct())}");
    }

    /// <summary>
    /// The <c>mail.*</c> and <c>export.*</c> keys written in the sources: whole literals, and the short names a file
    /// passes to its <c>T(culture, "name")</c> helper joined to the prefix that helper adds (<c>"export.minutes." + key</c>).
    /// </summary>
    private static HashSet<string> MailAndExportKeysInTheSources()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in SourceTexts())
        {
            foreach (Match m in MailOrExportKey().Matches(text))
                keys.Add(m.Groups["key"].Value);
            if (HelperPrefix().Match(text) is { Success: true } prefix)
            {
                foreach (Match m in HelperCall().Matches(text))
                    keys.Add(prefix.Groups["prefix"].Value + m.Groups["name"].Value);
            }
        }

        return keys;
    }

    [GeneratedRegex(@"""(?<key>(?:mail|export)\.[a-z_]+\.[a-z_]+)""")]
    private static partial Regex MailOrExportKey();

    [GeneratedRegex(@"""(?<prefix>(?:mail|export)\.[a-z_]+\.)"" \+ ")]
    private static partial Regex HelperPrefix();

    [GeneratedRegex(@"\bT\((?:[\w.]+, )?""(?<name>[a-z_]+)""")]
    private static partial Regex HelperCall();

    private static void AssertBothLanguages(string code)
    {
        Assert.True(Indonesian.TryGetValue(code, out var id), $"No Indonesian text for '{code}' in Messages.resx");
        Assert.True(English.TryGetValue(code, out var en), $"No English text for '{code}' in Messages.en.resx");
        Assert.NotEqual(id, en);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    /// <summary>Message keys (<c>Msg.Of</c>) and refusal codes written as literals in the modules and the platform.</summary>
    private static HashSet<string> SourceCodes()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in SourceTexts())
        {
            foreach (Match m in CodeLiteral().Matches(text))
            {
                codes.Add(m.Groups["code"].Value);
                if (m.Groups["code2"].Success)
                    codes.Add(m.Groups["code2"].Value);
            }
        }

        return codes;
    }

    private static DirectoryInfo Root()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "KerjaSama.Platform.sln")))
            root = root.Parent;
        Assert.NotNull(root);
        return root;
    }

    /// <summary>The text of every C# source file of the modules and the platform.</summary>
    private static IEnumerable<string> SourceTexts()
    {
        var root = Root();
        foreach (var dir in new[] { "modules", "src" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root.FullName, dir), "*.cs", SearchOption.AllDirectories))
            {
                if (!file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                    yield return File.ReadAllText(file);
            }
        }
    }

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    // Msg.Of("key"; new FieldError("code"; Problems.Conflict/Forbidden/NotFound("code"; Outcome Fail(status, "code";
    // Rejected(opId, "code"; Refused("code"; a validation problem's last argument "code"; the third argument of an import
    // line issue (new ImportIssue(row, column, "code", ... / issues.Add(new(row, column, "code", ...: the Planning matrix
    // import); both keys of Msg.Of(flag ? "a" : "b").
    [GeneratedRegex("""Msg\.Of\(\w+ \? "(?<code>[a-z][a-z_]*)" : "(?<code2>[a-z][a-z_]*)"|(?:Msg\.Of\(|FieldError\(|Problems\.(?:Conflict|Forbidden|NotFound)\(|Fail\(StatusCodes\.\w+, |Rejected\([\w?.]+(?: \?\? Guid\.Empty)?, |Refused\()"(?<code>[a-z][a-z_]*)"|(?:new ImportIssue\(|issues\.Add\(new\()[^,;]+, [^,;]+, "(?<code>[a-z][a-z_]*)"|Validation\([^;]*, "(?<code>[a-z][a-z_]*)"\)""")]
    private static partial Regex CodeLiteral();
}
