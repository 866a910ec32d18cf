using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;
using N = KerjaSama.Planning.Contracts.Live.FacilitationHubNames;

namespace KerjaSama.Meetings.Tests;

// Issue 19: a prioritisation round held in the meeting's live session appears in the minutes, rows ranked by votes.
public abstract partial class AttendanceTests
{
    [Fact]
    public async Task A_priority_vote_of_the_meetings_session_appears_in_the_minutes_with_its_rows_ranked()
    {
        var s = await MeetingScenario.StartAsync(platform);
        var exerciseId = await s.CreateExerciseAsync();
        var body = MeetingScenario.Meeting("Rapat prioritas " + MeetingScenario.Short(), s.AgencyA.Id, s.AgencyB.Id);
        body["exerciseId"] = exerciseId;
        var meetingId = (await s.CreateMeetingAsync(body)).GetProperty("id").GetGuid();
        using var admin = s.Admin();
        var sessionId = (await (await admin.PostAsync($"/api/meetings/{meetingId}/session/open", null)).ReadAsync<JsonElement>())
            .GetProperty("sessionId").GetGuid();
        await using var facilitator = await JoinAsync(s.Secretariat, sessionId);
        await using var alia = await JoinAsync(await s.MemberOfAsync(s.AgencyA, "Alia"), sessionId);
        await using var budi = await JoinAsync(await s.MemberOfAsync(s.AgencyB, "Budi"), sessionId);
        var rows = new[] { (Guid.NewGuid(), "Rujukan pasien lintas batas"), (Guid.NewGuid(), "Ambulans air Sungai Barito") };
        foreach (var (rowId, potential) in rows)
        {
            var ack = await facilitator.InvokeAsync<Ack>("Submit", new SubmitOp
            {
                SessionId = sessionId, OpId = Guid.NewGuid(), Kind = OpKinds.Add, RowId = rowId, Fields = new() { [F.AffairCode] = "1.02", [F.Potential] = potential },
            });
            Assert.Equal(AckOutcomes.Applied, ack.Outcome);
        }

        var round = await facilitator.InvokeAsync<FacilitationResult>(N.StartVote,
            new StartVoteRequest { SessionId = sessionId, Label = "Prioritas Kesehatan", AffairCode = "1.02", VotesPerOrganisation = 2 });
        var roundId = round.Vote!.RoundId;
        Assert.True((await alia.InvokeAsync<FacilitationResult>(N.CastVote, sessionId, roundId, rows[1].Item1)).Ok);
        Assert.True((await alia.InvokeAsync<FacilitationResult>(N.CastVote, sessionId, roundId, rows[1].Item1)).Ok);
        Assert.True((await budi.InvokeAsync<FacilitationResult>(N.CastVote, sessionId, roundId, rows[0].Item1)).Ok);
        Assert.True((await facilitator.InvokeAsync<FacilitationResult>(N.CloseVote, sessionId, roundId)).Ok);

        var text = DocumentText(await (await admin.GetAsync($"/api/meetings/{meetingId}/minutes.docx")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Hasil Pemungutan Suara Prioritas", text, StringComparison.Ordinal);
        Assert.Contains("Prioritas Kesehatan (urusan 1.02): 2 organisasi memilih, 2 suara per organisasi", text, StringComparison.Ordinal);
        var second = text.IndexOf("Ambulans air Sungai Barito", StringComparison.Ordinal);
        var first = text.IndexOf("Rujukan pasien lintas batas", StringComparison.Ordinal);
        Assert.True(second >= 0 && first > second, "the row with two votes is ranked before the row with one");
    }
}
