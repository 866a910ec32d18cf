using System.Net;
using System.Text;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Tests.Live;
using KerjaSama.TestKit;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Replay;

/// <summary>
/// History and replay over the real host: a session edited by two agencies and the facilitator through the hub, then
/// the matrix replayed by the platform at points in time compared with the op log replayed here
/// (<see cref="OpLogReplay"/>) and with the live rows.
/// </summary>
public abstract class ReplayTests(PlatformFixture platform)
{
    private static Dictionary<string, object?> Opportunity(string potential) => new()
    {
        [F.AffairCode] = "1.02", [F.Potential] = potential, [F.CooperationType] = "KSDD-wajib", [F.PartnerRegionCodes] = new[] { "63" },
        [F.StartYear] = 2026, [F.DurationYears] = 3,
    };

    /// <summary>The session: adds, edits, an overwrite by the facilitator while locked, a value cleared, a removal.</summary>
    private sealed record Session(SessionScenario S, Guid Row1, Guid Row2, Guid Row3, long Middle, long Overwrite, long Last);

    private async Task<Session> PlayAsync()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var a = await s.JoinAsync(s.AgencyA);
        await using var b = await s.JoinAsync(s.AgencyB);
        await using var facilitator = await s.JoinAsync(s.Facilitator);
        var (row1, row2, row3) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        async Task<long> Applied(LiveClient client, string kind, Guid row, Dictionary<string, object?>? fields = null)
        {
            var ack = await client.SubmitAsync(kind, row, fields);
            Assert.True(ack.Outcome == AckOutcomes.Applied, $"{kind} on {row}: {ack.Outcome} {ack.Error?.Code}");
            return ack.Seq;
        }

        await Applied(a, OpKinds.Add, row1, Opportunity("Rujukan pasien"));
        await Applied(b, OpKinds.Add, row2, Opportunity("Jalan poros antarprovinsi"));
        await Applied(a, OpKinds.Update, row1, new() { [F.Potential] = "Rujukan pasien lintas batas", [F.Notes] = "dibahas ulang" });
        var middle = await Applied(b, OpKinds.Add, row3, Opportunity("Pasar perbatasan"));
        Assert.Equal(HttpStatusCode.OK, (await s.PostAsync(s.Facilitator, $"/api/planning/sessions/{s.SessionId}/lock")).StatusCode);
        var overwrite = await Applied(facilitator, OpKinds.Update, row2, new() { [F.CooperationType] = "KSDD-sukarela" });
        Assert.Equal(HttpStatusCode.OK, (await s.PostAsync(s.Facilitator, $"/api/planning/sessions/{s.SessionId}/unlock")).StatusCode);
        await Applied(a, OpKinds.Update, row1, new() { [F.Notes] = null, [F.DurationYears] = 4 });
        await Applied(b, OpKinds.Remove, row3);
        var last = await Applied(b, OpKinds.Update, row2, new() { [F.StartYear] = 2027, [F.Potential] = "Jalan poros Palangka Raya–Banjarmasin" });
        return new Session(s, row1, row2, row3, middle, overwrite, last);
    }

    [Fact]
    public async Task The_matrix_replayed_at_two_points_equals_the_op_log_replayed_independently_and_the_live_rows_at_the_last_seq()
    {
        var (s, row1, row2, row3, middle, _, last) = await PlayAsync();
        using var client = platform.ClientFor(s.Partner);
        var ops = await OpLogReplay.OpsAsync(client, s.ExerciseId);
        Assert.Equal(last, ops.Count);

        foreach (var seq in new[] { middle, last - 2 })
        {
            var replay = await (await client.GetAsync($"/api/planning/exercises/{s.ExerciseId}/replay?atSeq={seq}")).ReadAsync<JsonElement>();
            Assert.Equal(seq, replay.GetProperty("atSeq").GetInt64());
            Assert.Equal(last, replay.GetProperty("lastSeq").GetInt64());
            OpLogReplay.AssertEqual(OpLogReplay.Replay(ops, seq), OpLogReplay.FromSnapshots(replay.GetProperty("rows")), $"replay at seq {seq}");
        }

        // At the middle point the third row exists and row 1 still has its note; at the end the row is gone, the note cleared.
        var atMiddle = OpLogReplay.Replay(ops, middle);
        Assert.Contains(atMiddle, r => r.RowId == row3);
        Assert.Equal("\"dibahas ulang\"", atMiddle.Single(r => r.RowId == row1).Fields[F.Notes]);

        var final = await (await client.GetAsync($"/api/planning/exercises/{s.ExerciseId}/replay")).ReadAsync<JsonElement>();
        Assert.Equal(last, final.GetProperty("atSeq").GetInt64());
        var live = OpLogReplay.FromSnapshots(await (await client.GetAsync($"/api/planning/exercises/{s.ExerciseId}/rows")).ReadAsync<JsonElement>());
        OpLogReplay.AssertEqual(live, OpLogReplay.FromSnapshots(final.GetProperty("rows")), "replay at the last seq vs. live rows");
        OpLogReplay.AssertEqual(OpLogReplay.Replay(ops, last), live, "op log replayed here vs. live rows");
        Assert.DoesNotContain(live, r => r.RowId == row3);
        Assert.False(live.Single(r => r.RowId == row1).Fields.ContainsKey(F.Notes));
        Assert.Equal("2027", live.Single(r => r.RowId == row2).Fields[F.StartYear]);

        var empty = await (await client.GetAsync($"/api/planning/exercises/{s.ExerciseId}/replay?atSeq=0")).ReadAsync<JsonElement>();
        Assert.Equal(0, empty.GetProperty("rows").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("step").ValueKind);
    }

    [Fact]
    public async Task The_step_names_who_changed_what_and_the_value_it_replaced_and_the_row_history_keeps_every_value_and_author()
    {
        var (s, row1, row2, row3, _, overwrite, _) = await PlayAsync();
        using var client = platform.ClientFor(s.AgencyA);
        var replay = await (await client.GetAsync($"/api/planning/exercises/{s.ExerciseId}/replay?atSeq={overwrite}")).ReadAsync<JsonElement>();
        var step = replay.GetProperty("step");
        Assert.Equal(row2, step.GetProperty("rowId").GetGuid());
        Assert.Equal(s.Facilitator.Caller.UserId, step.GetProperty("author").GetProperty("userId").GetGuid());
        Assert.Equal("KSDD-sukarela", step.GetProperty("fields").GetProperty(F.CooperationType).GetString());
        Assert.Equal("KSDD-wajib", step.GetProperty("previous").GetProperty(F.CooperationType).GetString());

        var history = await (await client.GetAsync($"/api/planning/exercises/{s.ExerciseId}/rows/{row1}/history")).ReadAsync<JsonElement>();
        var entries = history.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal(s.AgencyA.Caller.UserId, e.GetProperty("author").GetProperty("userId").GetGuid()));
        Assert.Equal("Rujukan pasien", entries[1].GetProperty("previous").GetProperty(F.Potential).GetString());
        Assert.Equal("dibahas ulang", entries[2].GetProperty("previous").GetProperty(F.Notes).GetString());
        Assert.Equal(JsonValueKind.Null, entries[2].GetProperty("fields").GetProperty(F.Notes).ValueKind);

        // A removed row's history stays readable.
        var removed = await (await client.GetAsync($"/api/planning/exercises/{s.ExerciseId}/rows/{row3}/history")).ReadAsync<JsonElement>();
        Assert.True(removed.GetProperty("removed").GetBoolean());
        Assert.Equal([OpKinds.Add, OpKinds.Remove], removed.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!));
        Assert.Equal(s.AgencyB.Caller.UserId, removed.GetProperty("entries")[1].GetProperty("author").GetProperty("userId").GetGuid());
    }

    [Fact]
    public async Task The_timeline_counts_ops_per_organisation_and_shows_the_sessions_open_lock_unlock_and_close_moments()
    {
        var (s, _, _, _, middle, overwrite, last) = await PlayAsync();
        Assert.Equal(HttpStatusCode.OK, (await s.PostAsync(s.Facilitator, $"/api/planning/sessions/{s.SessionId}/close")).StatusCode);
        using var client = platform.ClientFor(s.Facilitator);
        var timeline = await (await client.GetAsync($"/api/planning/exercises/{s.ExerciseId}/timeline?sessionId={s.SessionId}&bucketSeconds=1"))
            .ReadAsync<JsonElement>();
        Assert.Equal(1, timeline.GetProperty("firstSeq").GetInt64());
        Assert.Equal(last, timeline.GetProperty("lastSeq").GetInt64());
        Assert.Equal(last, timeline.GetProperty("buckets").EnumerateArray().Sum(b => b.GetProperty("ops").GetInt32()));
        var organisations = timeline.GetProperty("organisations").EnumerateArray()
            .ToDictionary(o => o.GetProperty("organisationId").GetGuid(), o => o);
        var agencyA = organisations[s.AgencyA.Caller.OrganisationId];
        Assert.Equal(3, agencyA.GetProperty("ops").GetInt32());
        Assert.Equal(1, agencyA.GetProperty("rowsAdded").GetInt32());
        Assert.Equal(4, agencyA.GetProperty("fieldsEdited").GetInt32());
        Assert.Equal(1, organisations[s.Facilitator.Caller.OrganisationId].GetProperty("ops").GetInt32());
        var agencyB = organisations[s.AgencyB.Caller.OrganisationId];
        Assert.Equal(4, agencyB.GetProperty("ops").GetInt32());
        Assert.Equal(2, agencyB.GetProperty("rowsAdded").GetInt32());
        Assert.Equal(1, agencyB.GetProperty("rowsRemoved").GetInt32());
        Assert.Equal(2, agencyB.GetProperty("fieldsEdited").GetInt32());

        var moments = timeline.GetProperty("sessions").EnumerateArray().Single().GetProperty("moments").EnumerateArray().ToList();
        Assert.Equal(["opened", "locked", "unlocked", "closed"], moments.Select(m => m.GetProperty("kind").GetString()!));
        Assert.Equal([0L, middle, overwrite, last], moments.Select(m => m.GetProperty("seq").GetInt64()));
        Assert.Equal("Fasilitator", moments[1].GetProperty("byName").GetString());

        var changes = timeline.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), changes.Select(c => c.GetProperty("seq").GetInt64()));
        Assert.Equal(s.Facilitator.Caller.UserId, changes[(int)overwrite - 1].GetProperty("author").GetProperty("userId").GetGuid());
        Assert.Equal([F.CooperationType], changes[(int)overwrite - 1].GetProperty("fields").EnumerateArray().Select(f => f.GetString()!));
    }

    [Fact]
    public async Task The_timeline_exports_as_csv_and_xlsx_that_the_format_libraries_open_with_one_line_per_field_written()
    {
        var (s, _, row2, _, _, overwrite, last) = await PlayAsync();
        using var client = platform.ClientFor(s.AgencyB);
        var csv = await client.GetAsync($"/api/planning/exercises/{s.ExerciseId}/timeline/export.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF", text, StringComparison.Ordinal);
        var records = KerjaSama.Modularity.Csv.CsvFile.Read(text);
        var header = records[0].Fields.ToList();
        var lines = records.Skip(1).Select(r => header.Zip(r.Fields).ToDictionary(p => p.First, p => p.Second)).ToList();
        var overwritten = Assert.Single(lines, l => l["seq"] == overwrite.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(F.CooperationType, overwritten["field"]);
        Assert.Equal("KSDD-wajib", overwritten["previous_value"]);
        Assert.Equal("KSDD-sukarela", overwritten["value"]);
        Assert.Equal("Fasilitator", overwritten["author"]);
        Assert.Equal(row2.ToString(), overwritten["row_id"]);
        Assert.Equal(last.ToString(System.Globalization.CultureInfo.InvariantCulture), lines[^1]["seq"]);

        var xlsx = await client.GetAsync($"/api/planning/exercises/{s.ExerciseId}/timeline/export.xlsx?sessionId={s.SessionId}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Perubahan", "Linimasa", "Sesi"], MiniExcelLibs.MiniExcel.GetSheetNames(stream));
        var changes = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Perubahan").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(lines.Count, changes.Count);
        var sheetLine = changes.Single(c => Convert.ToInt64(c["Seq"], System.Globalization.CultureInfo.InvariantCulture) == overwrite);
        Assert.Equal("KSDD-wajib", sheetLine["Nilai sebelumnya"]);
        Assert.Equal("KSDD-sukarela", sheetLine["Nilai"]);
        var moments = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Sesi").Cast<IDictionary<string, object?>>()
            .Select(m => m["Peristiwa"]).ToList();
        Assert.Equal(["dibuka", "dikunci", "dibuka kembali"], moments);
        var buckets = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Linimasa").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(last, Convert.ToInt64(buckets[^1]["Jumlah op"], System.Globalization.CultureInfo.InvariantCulture));

        // A reader who chose English gets English sheet names, headings and labels (the catalogue's export.timeline.*); the values are the same.
        var english = await client.GetAsync($"/api/planning/exercises/{s.ExerciseId}/timeline/export.xlsx?sessionId={s.SessionId}&culture=en");
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        using var englishStream = new MemoryStream(await english.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Changes", "Timeline", "Sessions"], MiniExcelLibs.MiniExcel.GetSheetNames(englishStream));
        var englishLine = MiniExcelLibs.MiniExcel.Query(englishStream, useHeaderRow: true, sheetName: "Changes").Cast<IDictionary<string, object?>>()
            .Single(c => Convert.ToInt64(c["Seq."], System.Globalization.CultureInfo.InvariantCulture) == overwrite);
        Assert.Equal("KSDD-wajib", englishLine["Previous value"]);
        Assert.Equal(["opened", "locked", "reopened"], MiniExcelLibs.MiniExcel.Query(englishStream, useHeaderRow: true, sheetName: "Sessions")
            .Cast<IDictionary<string, object?>>().Select(m => m["Event"]).ToList());
    }

    [Fact]
    public async Task Bad_input_answers_problem_details_naming_the_parameter_and_changes_nothing()
    {
        var (s, _, _, _, _, _, last) = await PlayAsync();
        using var client = platform.ClientFor(s.AgencyA);
        var before = await s.StoredRowsAsync();
        var path = $"/api/planning/exercises/{s.ExerciseId}";
        foreach (var bad in new[] { "-1", (last + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "banyak" })
        {
            var problem = await (await client.GetAsync($"{path}/replay?atSeq={bad}")).AssertValidationProblemAsync("atSeq");
            Assert.Equal("invalid_seq", problem.GetProperty("code").GetString());
        }

        await (await client.GetAsync($"{path}/timeline?bucketSeconds=0")).AssertValidationProblemAsync("bucketSeconds");
        await (await client.GetAsync($"{path}/timeline?sessionId=bukan-guid")).AssertValidationProblemAsync("sessionId");
        await (await client.GetAsync($"{path}/timeline?sessionId={Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound, RejectionCodes.UnknownSession);
        await (await client.GetAsync($"{path}/timeline/export.pdf")).AssertProblemAsync(HttpStatusCode.NotFound, "unknown_format");
        await (await client.GetAsync($"/api/planning/exercises/{Guid.NewGuid()}/replay?atSeq=1"))
            .AssertProblemAsync(HttpStatusCode.NotFound, "exercise_not_found");

        // An organisation that is not invited (the government of Kalimantan Barat) reads nothing of it.
        var kalbar = (await platform.OrganisationsAsync("kind=government&region=61")).Single();
        var stranger = await platform.SignInAsync(kalbar.Id, kalbar.Name, PlatformRoles.PartnerContributor, "Mitra Kalbar");
        using var strangerClient = platform.ClientFor(stranger);
        foreach (var route in new[] { "replay?atSeq=1", "timeline", "timeline/export.csv", "timeline/export.xlsx" })
            await (await strangerClient.GetAsync($"{path}/{route}")).AssertProblemAsync(HttpStatusCode.Forbidden, RejectionCodes.NotInvited);

        Assert.Equal(last, await s.StoredOpCountAsync());
        Assert.Equal(before, await s.StoredRowsAsync());
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class ReplayTests_on_Sqlite(SqlitePlatformFixture p) : ReplayTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class ReplayTests_on_PostgreSql(PostgreSqlPlatformFixture p) : ReplayTests(p);
