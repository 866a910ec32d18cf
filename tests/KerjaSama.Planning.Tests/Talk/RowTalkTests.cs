using System.Net;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Tests.Live;
using KerjaSama.TestKit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace KerjaSama.Planning.Tests.Talk;

public abstract class RowTalkTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_question_on_a_row_arrives_live_is_stored_and_shows_in_the_history_and_the_consolidation_view()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var a = await s.JoinAsync(s.AgencyA);
        await using var b = await s.JoinAsync(s.AgencyB);
        var heard = TalkListener.On(b);
        var rowId = Guid.NewGuid();
        Assert.Equal(AckOutcomes.Applied, (await a.SubmitAsync(OpKinds.Add, rowId, Talk.Row("1.02", "Rujukan pasien lintas batas"))).Outcome);

        var posted = await a.PostAsync(rowId, "Apakah <b>RSUD</b> Katingan ikut?", CommentKinds.Question, s.AgencyB.Caller.OrganisationId);
        Assert.Null(posted.Error);
        await Eventually.TrueAsync(() => heard.Comments.Any(c => c.CommentId == posted.Comment!.CommentId), "the question on B's board");
        var seen = heard.Comments.Single();
        Assert.Equal("Apakah <b>RSUD</b> Katingan ikut?", seen.Text);
        Assert.Equal(CommentKinds.Question, seen.Kind);
        Assert.Equal([s.AgencyB.Caller.OrganisationId], seen.MentionedOrganisationIds);
        Assert.Equal(s.AgencyA.Caller.OrganisationId, seen.Author.OrganisationId);
        Assert.False(seen.Resolved);

        Assert.Equal(posted.Comment!.CommentId, Assert.Single(await s.StoredCommentsAsync(rowId)).CommentId);
        Assert.Single(await s.StoredCommentsAsync());
        var listed = await b.Connection.InvokeAsync<List<RowComment>>(TalkHubNames.ListComments, s.SessionId, (Guid?)rowId);
        Assert.Equal(seen.CommentId, Assert.Single(listed).CommentId);

        using var facilitator = platform.ClientFor(s.Facilitator);
        var history = await (await facilitator.GetAsync($"/api/planning/exercises/{s.ExerciseId}/rows/{rowId}/history")).ReadAsync<JsonElement>();
        Assert.Equal(seen.CommentId, history.GetProperty("comments")[0].GetProperty("commentId").GetGuid());
        var consolidation = await (await facilitator.GetAsync($"/api/planning/exercises/{s.ExerciseId}/consolidation")).ReadAsync<JsonElement>();
        var item = consolidation.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("row").GetProperty("rowId").GetGuid() == rowId);
        Assert.Equal(1, item.GetProperty("openQuestions").GetInt32());
    }

    [Fact]
    public async Task The_authors_organisation_or_a_facilitator_resolves_and_reopens_and_another_contributor_is_refused()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var a = await s.JoinAsync(s.AgencyA);
        await using var b = await s.JoinAsync(s.AgencyB);
        var heard = TalkListener.On(b);
        var rowId = Guid.NewGuid();
        await a.SubmitAsync(OpKinds.Add, rowId, Talk.Row("1.02", "Ambulans air"));
        var comment = (await a.PostAsync(rowId, "Perlu data jumlah speedboat")).Comment!;

        var refused = await b.Connection.InvokeAsync<CommentResult>(TalkHubNames.ResolveComment, s.SessionId, comment.CommentId, true);
        Assert.Equal(RejectionCodes.Forbidden, refused.Error?.Code);
        Assert.False(Assert.Single(await s.StoredCommentsAsync()).Resolved);
        await (await s.PostJsonAsync(s.AgencyB, $"/api/planning/exercises/{s.ExerciseId}/comments/{comment.CommentId}/resolve", null))
            .AssertProblemAsync(HttpStatusCode.Forbidden, RejectionCodes.Forbidden);
        Assert.False(Assert.Single(await s.StoredCommentsAsync()).Resolved);

        var resolved = await a.Connection.InvokeAsync<CommentResult>(TalkHubNames.ResolveComment, s.SessionId, comment.CommentId, true);
        Assert.True(resolved.Comment!.Resolved);
        await Eventually.TrueAsync(() => heard.Comments.Any(c => c.CommentId == comment.CommentId && c.Resolved), "resolved on B's board");
        Assert.True(Assert.Single(await s.StoredCommentsAsync()).Resolved);
        Assert.DoesNotContain(await s.StoredCommentsAsync(rowId), c => !c.Resolved);

        var reopened = await (await s.PostJsonAsync(s.Facilitator, $"/api/planning/exercises/{s.ExerciseId}/comments/{comment.CommentId}/reopen", null))
            .ReadAsync<RowComment>();
        Assert.False(reopened.Resolved);
        await Eventually.TrueAsync(() => heard.Comments.Count(c => c.CommentId == comment.CommentId && !c.Resolved) >= 2, "reopened on B's board");
        Assert.False(Assert.Single(await s.StoredCommentsAsync()).Resolved);
    }

    [Theory]
    [InlineData(RejectionCodes.CommentTooLong)]
    [InlineData(RejectionCodes.CommentEmpty)]
    [InlineData(RejectionCodes.MentionNotInvited)]
    [InlineData(RejectionCodes.UnknownRow)]
    [InlineData(RejectionCodes.InvalidKind)]
    [InlineData("observer")]
    public async Task A_bad_comment_is_refused_over_the_hub_and_rest_with_its_code_and_nothing_is_stored(string code)
    {
        var s = await SessionScenario.StartAsync(platform);
        var observer = await platform.SignInAsync(s.AgencyB.Caller.OrganisationId, s.AgencyB.Caller.OrganisationName, PlatformRoles.Observer);
        await using var a = await s.JoinAsync(s.AgencyA);
        await using var watcher = await s.JoinAsync(observer);
        var heard = TalkListener.On(watcher);
        var rowId = Guid.NewGuid();
        await a.SubmitAsync(OpKinds.Add, rowId, Talk.Row("1.02", "Rujukan pasien"));
        var (poster, user, target, text, kind, mentions) = code switch
        {
            RejectionCodes.CommentTooLong => (a, s.AgencyA, rowId, new string('x', PostCommentRequest.MaxLength + 1), CommentKinds.Comment, Array.Empty<Guid>()),
            RejectionCodes.CommentEmpty => (a, s.AgencyA, rowId, "   ", CommentKinds.Comment, []),
            RejectionCodes.MentionNotInvited => (a, s.AgencyA, rowId, "@dinas lain", CommentKinds.Comment, [s.OtherAgency.Id]),
            RejectionCodes.UnknownRow => (a, s.AgencyA, Guid.NewGuid(), "baris mana?", CommentKinds.Comment, []),
            RejectionCodes.InvalidKind => (a, s.AgencyA, rowId, "apa ini", "<script>", []),
            _ => (watcher, observer, rowId, "pengamat ingin bicara", CommentKinds.Comment, Array.Empty<Guid>()),
        };

        var result = await poster.PostAsync(target, text, kind, mentions);
        Assert.Null(result.Comment);
        Assert.Equal(code == "observer" ? RejectionCodes.Forbidden : code, result.Error?.Code);

        var response = await s.PostJsonAsync(user, $"/api/planning/exercises/{s.ExerciseId}/rows/{target}/comments",
            new { kind, text, mentionedOrganisationIds = mentions });
        var (status, field) = code switch
        {
            RejectionCodes.CommentTooLong or RejectionCodes.CommentEmpty => (HttpStatusCode.BadRequest, "text"),
            RejectionCodes.MentionNotInvited => (HttpStatusCode.BadRequest, "mentionedOrganisationIds"),
            RejectionCodes.InvalidKind => (HttpStatusCode.BadRequest, "kind"),
            RejectionCodes.UnknownRow => (HttpStatusCode.NotFound, null),
            _ => (HttpStatusCode.Forbidden, (string?)null),
        };
        var problem = await response.AssertProblemAsync(status, code == "observer" ? RejectionCodes.Forbidden : code);
        if (field is not null)
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());

        Assert.Empty(await s.StoredCommentsAsync());
        Assert.Empty(heard.Comments);
    }

    [Fact]
    public async Task Comments_need_the_session_joined_and_an_observer_may_read_them()
    {
        var s = await SessionScenario.StartAsync(platform);
        var observer = await platform.SignInAsync(s.AgencyB.Caller.OrganisationId, s.AgencyB.Caller.OrganisationName, PlatformRoles.Observer);
        await using var a = await s.JoinAsync(s.AgencyA);
        var rowId = Guid.NewGuid();
        await a.SubmitAsync(OpKinds.Add, rowId, Talk.Row("1.02", "Rujukan"));
        await a.PostAsync(rowId, "Catatan");
        await using var stranger = await LiveClient.ConnectAsync(platform, s.AgencyB);
        var notJoined = await stranger.Connection.InvokeAsync<CommentResult>(TalkHubNames.PostComment, new PostCommentRequest
        {
            SessionId = s.SessionId, RowId = rowId, Kind = CommentKinds.Comment, Text = "tanpa join",
        });
        Assert.Equal(RejectionCodes.NotJoined, notJoined.Error?.Code);
        await Assert.ThrowsAsync<HubException>(() => stranger.Connection.InvokeAsync<List<RowComment>>(TalkHubNames.ListComments, s.SessionId, (Guid?)null));

        await using var watcher = await s.JoinAsync(observer);
        Assert.Single(await watcher.Connection.InvokeAsync<List<RowComment>>(TalkHubNames.ListComments, s.SessionId, (Guid?)null));
        using var client = platform.ClientFor(observer);
        Assert.Single(await (await client.GetAsync($"/api/planning/exercises/{s.ExerciseId}/comments")).ReadAsync<List<RowComment>>());
        Assert.Single(await s.StoredCommentsAsync());
    }

    [Fact]
    public async Task Similar_rows_of_one_affair_are_flagged_to_both_authors_who_decide_and_the_secretariat_merges()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var a = await s.JoinAsync(s.AgencyA);
        await using var b = await s.JoinAsync(s.AgencyB);
        await using var partner = await s.JoinAsync(s.Partner);
        var seenByA = TalkListener.On(a);
        var seenByB = TalkListener.On(b);
        var (rowA, rowB, elsewhere) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await a.SubmitAsync(OpKinds.Add, rowA, Talk.Row("1.02", "Peningkatan pelayanan rujukan pasien lintas batas Kab. Katingan"));
        await b.SubmitAsync(OpKinds.Add, elsewhere, Talk.Row("2.15", "peningkatan pelayanan rujukan pasien lintas-batas kabupaten Katingan"));
        Assert.Equal(AckOutcomes.Applied, (await b.SubmitAsync(OpKinds.Add, rowB,
            Talk.Row("1.02", "peningkatan  pelayanan RUJUKAN pasien lintas-batas kabupaten Katingan"))).Outcome);

        bool Flagged(TalkListener l) => l.Pairs.Any(p => new[] { p.RowA.RowId, p.RowB.RowId }.Order().SequenceEqual(new[] { rowA, rowB }.Order()));
        await Eventually.TrueAsync(() => Flagged(seenByA) && Flagged(seenByB), "the pair on both authors' boards");
        var pair = Assert.Single(await s.StoredPairsAsync());
        Assert.Equal(DuplicateStatuses.Open, pair.Status);
        Assert.Equal("1.02", pair.AffairCode);
        Assert.Contains(pair.RowA.OrganisationName, new[] { s.AgencyA.Caller.OrganisationName, s.AgencyB.Caller.OrganisationName });
        Assert.Equal(new[] { s.AgencyA.Caller.OrganisationId, s.AgencyB.Caller.OrganisationId }.Order(),
            new[] { pair.RowA.OwnerOrganisationId, pair.RowB.OwnerOrganisationId }.Order());

        var hints = await partner.Connection.InvokeAsync<List<SimilarRow>>(TalkHubNames.CheckSimilar, s.SessionId, "1.02", "Rujukan pasien lintas batas kab katingan");
        Assert.Equal(new[] { rowA, rowB }.Order(), hints.Select(h => h.RowId).Order());
        Assert.Empty(await partner.Connection.InvokeAsync<List<SimilarRow>>(TalkHubNames.CheckSimilar, s.SessionId, "1.02", "Pengelolaan sampah regional"));

        // An observer, and the partner who wrote neither row, are refused, and the pair is as it was.
        var observer = await platform.SignInAsync(s.AgencyB.Caller.OrganisationId, s.AgencyB.Caller.OrganisationName, PlatformRoles.Observer);
        await using var watcher = await s.JoinAsync(observer);
        var byObserver = await watcher.Connection.InvokeAsync<DuplicateResult>(TalkHubNames.DecideDuplicate, s.SessionId, pair.PairId, DuplicateDecisions.Link);
        Assert.Equal(RejectionCodes.Forbidden, byObserver.Error?.Code);
        var refused = await partner.Connection.InvokeAsync<DuplicateResult>(TalkHubNames.DecideDuplicate, s.SessionId, pair.PairId, DuplicateDecisions.Dismiss);
        Assert.Equal(RejectionCodes.Forbidden, refused.Error?.Code);
        await (await s.PostJsonAsync(s.Partner, $"/api/planning/exercises/{s.ExerciseId}/duplicates/{pair.PairId}/link", null))
            .AssertProblemAsync(HttpStatusCode.Forbidden, RejectionCodes.Forbidden);
        Assert.Equal(DuplicateStatuses.Open, Assert.Single(await s.StoredPairsAsync()).Status);
        var unknown = await b.Connection.InvokeAsync<DuplicateResult>(TalkHubNames.DecideDuplicate, s.SessionId, Guid.NewGuid(), DuplicateDecisions.Link);
        Assert.Equal(RejectionCodes.UnknownPair, unknown.Error?.Code);
        var wrong = await b.Connection.InvokeAsync<DuplicateResult>(TalkHubNames.DecideDuplicate, s.SessionId, pair.PairId, "merge");
        Assert.Equal(RejectionCodes.InvalidDecision, wrong.Error?.Code);

        var linked = await b.Connection.InvokeAsync<DuplicateResult>(TalkHubNames.DecideDuplicate, s.SessionId, pair.PairId, DuplicateDecisions.Link);
        Assert.Equal(DuplicateStatuses.Linked, linked.Pair?.Status);
        await Eventually.TrueAsync(() => seenByA.Pairs.Any(p => p.PairId == pair.PairId && p.Status == DuplicateStatuses.Linked), "linked on A's board");
        var proposed = await (await s.PostJsonAsync(s.AgencyA, $"/api/planning/exercises/{s.ExerciseId}/duplicates/{pair.PairId}/propose-merge", null))
            .ReadAsync<DuplicatePair>();
        Assert.Equal(DuplicateStatuses.MergeProposed, proposed.Status);

        // Contributors do not merge; the secretariat does, through consolidation's merge.
        await (await s.PostJsonAsync(s.AgencyA, $"/api/planning/exercises/{s.ExerciseId}/duplicates/{pair.PairId}/merge", new { intoRowId = rowA }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        var merged = await (await s.PostJsonAsync(s.Facilitator, $"/api/planning/exercises/{s.ExerciseId}/duplicates/{pair.PairId}/merge",
            new { intoRowId = rowA, reason = "Usulan sama" })).ReadAsync<DuplicatePair>();
        Assert.Equal(DuplicateStatuses.Merged, merged.Status);
        using var facilitator = platform.ClientFor(s.Facilitator);
        var history = await (await facilitator.GetAsync($"/api/planning/exercises/{s.ExerciseId}/rows/{rowA}/history")).ReadAsync<JsonElement>();
        Assert.Contains(rowB, history.GetProperty("mergedFrom").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal(DuplicateStatuses.Merged, Assert.Single(await s.StoredPairsAsync()).Status);
    }

    [Fact]
    public async Task A_pair_that_no_longer_resembles_is_dropped_and_a_dismissed_pair_stays_dismissed()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var a = await s.JoinAsync(s.AgencyA);
        await using var b = await s.JoinAsync(s.AgencyB);
        var (rowA, rowB, rowC) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await a.SubmitAsync(OpKinds.Add, rowA, Talk.Row("1.02", "Penyediaan air bersih dlm kawasan perbatasan prov"));
        await b.SubmitAsync(OpKinds.Add, rowB, Talk.Row("1.02", "penyediaan air bersih di kawasan perbatasan provinsi"));
        await Eventually.TrueAsync(async () => (await s.StoredPairsAsync()).Count == 1, "the pair stored");

        await b.SubmitAsync(OpKinds.Update, rowB, new() { [MatrixFieldNames.Potential] = "Pengolahan limbah rumah sakit" });
        await Eventually.TrueAsync(async () => (await s.StoredPairsAsync()).Count == 0, "the pair dropped");

        await a.SubmitAsync(OpKinds.Add, rowC, Talk.Row("1.02", "Pengolahan limbah rumah sakit bersama"));
        await Eventually.TrueAsync(async () => (await s.StoredPairsAsync()).Count == 1, "a new pair");
        var pair = Assert.Single(await s.StoredPairsAsync());
        var dismissed = await (await s.PostJsonAsync(s.AgencyA, $"/api/planning/exercises/{s.ExerciseId}/duplicates/{pair.PairId}/dismiss", null))
            .ReadAsync<DuplicatePair>();
        Assert.Equal(DuplicateStatuses.Dismissed, dismissed.Status);
        await a.SubmitAsync(OpKinds.Update, rowC, new() { [MatrixFieldNames.Potential] = "Pengolahan limbah rumah sakit bersama-sama" });
        await a.WaitForSeqAsync(5);
        var after = Assert.Single(await s.StoredPairsAsync());
        Assert.Equal(DuplicateStatuses.Dismissed, after.Status);
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class RowTalkTests_on_Sqlite(SqlitePlatformFixture p) : RowTalkTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class RowTalkTests_on_PostgreSql(PostgreSqlPlatformFixture p) : RowTalkTests(p);
