using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KerjaSama.Planning.Tests.Consolidation;
using KerjaSama.TestKit;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;
using KV = System.Collections.Generic.KeyValuePair<string, string>;

namespace KerjaSama.Planning.Tests.Exercises;

/// <summary>
/// Issue 22 item 5: pages show labels, never the codes programs use (<c>pelayanan_publik</c>, <c>accept</c>, statuses,
/// cooperation types, partner kinds); and the row form edits the mapping form's fields under the matrix's rules.
/// </summary>
public abstract partial class LabelsNotCodesTests(PlatformFixture platform)
{
    /// <summary>Codes of the vocabularies that must never be visible text (they may be attribute values such as option values).</summary>
    private static readonly string[] Codes =
    [
        "pelayanan_publik", "pengelolaan_aset", "diusulkan", "dibahas_tkksd", "terintegrasi_rpjmd_rkpd", "kb_ditandatangani", "KSDD-sukarela",
        "KSDD-wajib", "KSDPK", "accept", "revise", "postpone", "kabupaten_kota", "agency", "government", "business", "university", "ministry", "foreign",
    ];

    [Fact]
    public async Task The_main_pages_show_labels_and_no_raw_code_is_visible_text()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var accepted = await s.AddRowAsync(new(MatrixScenario.Opportunity("Rujukan pasien lintas batas")) { [F.Form] = "pelayanan_publik" });
        await s.AddRowAsync(new(MatrixScenario.Opportunity("Pengelolaan aset bersama", "3.26")) { [F.Form] = "pengelolaan_aset", [F.CooperationType] = "KSDD-wajib" });
        await s.MoveAsync(accepted, "diverifikasi");
        await (await s.PostAsync($"rows/{accepted}/review", new { decision = "accept", priority = 1 })).ReadAsync<JsonElement>();

        using var page = PageForms.Client(platform, s.Secretariat);
        foreach (var path in new[]
                 {
                     $"/planning/exercises/{s.ExerciseId}", $"/planning/exercises/{s.ExerciseId}/dashboard", $"/planning/exercises/{s.ExerciseId}/rows/{accepted}/edit",
                     "/planning", "/registry/organisations", "/partners", "/partners/agreements", "/identity/users",
                 })
        {
            var response = await page.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = VisibleText(await response.Content.ReadAsStringAsync());
            foreach (var code in Codes)
                Assert.False(Token(code).IsMatch(text), $"{path} shows the raw code '{code}': …{Around(text, code)}…");
        }

        // Roles and membership states on the users page (test users' e-mail addresses carry role codes, so the options are
        // checked, not the whole text).
        var users = await page.GetStringAsync("/identity/users");
        Assert.Contains(">Admin sekretariat</option>", users, StringComparison.Ordinal);
        Assert.Contains(">Kontributor perangkat daerah</option>", users, StringComparison.Ordinal);
        Assert.DoesNotContain(">agency_contributor</option>", users, StringComparison.Ordinal);
        Assert.Contains("<td>Aktif</td>", users, StringComparison.Ordinal);

        // The labels are there instead, in Indonesian by default.
        var consolidation = VisibleText(await page.GetStringAsync($"/planning/exercises/{s.ExerciseId}"));
        Assert.Contains("Kerja sama daerah dengan daerah (sukarela)", consolidation, StringComparison.Ordinal);
        Assert.Contains("Diterima", consolidation, StringComparison.Ordinal);
        Assert.Contains("Dibahas TKKSD", consolidation, StringComparison.Ordinal);
        var english = VisibleText(await page.GetStringAsync($"/planning/exercises/{s.ExerciseId}?culture=en"));
        Assert.Contains("Region with region (voluntary)", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_row_form_saves_the_mapping_fields_and_refuses_a_KSDPL_without_central_consent_leaving_the_row_unchanged()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var rowId = await s.AddRowAsync(new() { [F.AffairCode] = "3.26", [F.Potential] = "Promosi kota kembar", [F.StartYear] = 2026 });
        var path = $"/planning/exercises/{s.ExerciseId}/rows/{rowId}/edit";
        using var page = PageForms.Client(platform, s.Planner);
        var html = await page.GetStringAsync(path);
        Assert.Contains("Sasaran RPJMD", html, StringComparison.Ordinal);

        var (saved, body) = await PageForms.PostAsync(page, path, "row",
        [
            new KV("Form.Seq", Seq(html)), new KV("mapping", "1"), new KV("Form.Location", "Kota Palangka Raya"), new KV("Form.Problem", "Wisatawan mancanegara sedikit"),
            new KV("Form.Unit", "wisatawan"), new KV("Form.Baseline", "12,5"), new KV("Form.ForwardTarget", "5000 wisatawan"),
            new KV("Form.ForwardBudget", "300.000.000"), new KV("Form.RpjmdGoal", "Meningkatnya kunjungan wisata"), new KV("Form.RpjmdIndicator", "Jumlah wisatawan"),
        ]);
        Assert.True((int)saved.StatusCode is >= 300 and < 400, $"{(int)saved.StatusCode} {body}");
        var row = await s.RowAsync(rowId);
        Assert.Equal("Kota Palangka Raya", row[F.Location].GetString());
        Assert.Equal(300_000_000, row[F.ForwardBudget].GetInt64());
        Assert.Equal("Jumlah wisatawan", row[F.RpjmdIndicator].GetString());
        Assert.Equal(12.5m, row[F.Baseline].GetDecimal());
    }

    [Fact]
    public async Task A_bad_number_or_a_KSDPL_without_central_consent_in_the_row_form_is_named_and_nothing_is_stored()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var rowId = await s.AddRowAsync(new() { [F.AffairCode] = "3.26", [F.Potential] = "Promosi kota kembar", [F.StartYear] = 2026 });
        var path = $"/planning/exercises/{s.ExerciseId}/rows/{rowId}/edit";
        using var page = PageForms.Client(platform, s.Secretariat);
        var before = await s.RowAsync(rowId);
        var ops = await s.OpCountAsync();

        var html = await page.GetStringAsync(path);
        var (numbers, numbersBody) = await PageForms.PostAsync(page, path, "row",
            [new KV("Form.Seq", Seq(html)), new KV("mapping", "1"), new KV("Form.Baseline", "-3"), new KV("Form.ForwardBudget", "satu juta")]);
        Assert.Equal(HttpStatusCode.OK, numbers.StatusCode);
        Assert.Contains($"data-field=\"{F.Baseline}\"", numbersBody, StringComparison.Ordinal);
        Assert.Contains($"data-field=\"{F.ForwardBudget}\"", numbersBody, StringComparison.Ordinal);

        html = await page.GetStringAsync(path);
        var (foreign, foreignBody) = await PageForms.PostAsync(page, path, "row",
            [new KV("Form.Seq", Seq(html)), new KV("mapping", "1"), new KV("Form.CooperationType", "KSDPL"), new KV("Form.DprdApprovalRequired", "true")]);
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.Contains($"data-field=\"{F.CentralConsentRequired}\"", foreignBody, StringComparison.Ordinal);
        Assert.Contains("persetujuan pemerintah pusat", foreignBody, StringComparison.Ordinal);

        Assert.Equal(ops, await s.OpCountAsync());
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await s.RowAsync(rowId)));
    }

    private static string Seq(string html) => Regex.Match(html, "name=\"Form.Seq\" value=\"(\\d+)\"").Groups[1].Value;

    /// <summary>The text a reader sees: no scripts, styles, tags or attribute values; entities decoded.</summary>
    private static string VisibleText(string html)
    {
        var text = ScriptOrStyle().Replace(html, " ");
        text = Tag().Replace(text, " ");
        return WebUtility.HtmlDecode(text);
    }

    private static Regex Token(string code) => new($"(?<![\\w-]){Regex.Escape(code)}(?![\\w-])", RegexOptions.CultureInvariant);

    private static string Around(string text, string code)
    {
        var at = Token(code).Match(text).Index;
        return text.Substring(Math.Max(0, at - 60), Math.Min(120, text.Length - Math.Max(0, at - 60)));
    }

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("<[^>]+>", RegexOptions.Singleline)]
    private static partial Regex Tag();
}

// A host of its own: it scans whole pages for raw codes, and other classes' data would be on them.
public sealed class LabelsNotCodesTests_on_Sqlite(SqlitePlatformFixture p) : LabelsNotCodesTests(p), IClassFixture<SqlitePlatformFixture>;

public sealed class LabelsNotCodesTests_on_PostgreSql(PostgreSqlPlatformFixture p) : LabelsNotCodesTests(p), IClassFixture<PostgreSqlPlatformFixture>;
