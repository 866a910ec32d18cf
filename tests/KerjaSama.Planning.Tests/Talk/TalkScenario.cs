using System.Collections.Concurrent;
using System.Net.Http.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Tests.Live;
using KerjaSama.TestKit;
using Microsoft.AspNetCore.SignalR.Client;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Talk;

/// <summary>A board's view of the discussion and duplicate events, over the real hub.</summary>
internal sealed class TalkListener
{
    public ConcurrentQueue<RowComment> Comments { get; } = new();

    public List<DuplicatePair> Pairs { get; private set; } = [];

    public static TalkListener On(LiveClient client)
    {
        var listener = new TalkListener();
        client.Connection.On<RowComment>(TalkHubNames.CommentChanged, c => listener.Comments.Enqueue(c));
        client.Connection.On<Guid, List<DuplicatePair>>(TalkHubNames.Duplicates, (_, pairs) => listener.Pairs = pairs);
        return listener;
    }
}

internal static class Talk
{
    public static Dictionary<string, object?> Row(string affair, string potential, string? obj = null) => new()
    {
        [F.AffairCode] = affair, [F.Potential] = potential, [F.CooperationObject] = obj, [F.CooperationType] = "KSDD-wajib",
        [F.PartnerRegionCodes] = new[] { "63" }, [F.StartYear] = 2026, [F.DurationYears] = 3,
    };

    public static Task<CommentResult> PostAsync(this LiveClient client, Guid rowId, string text, string kind = CommentKinds.Comment,
        params Guid[] mentions) =>
        client.Connection.InvokeAsync<CommentResult>(TalkHubNames.PostComment, new PostCommentRequest
        {
            SessionId = client.SessionId, RowId = rowId, Kind = kind, Text = text, MentionedOrganisationIds = [.. mentions],
        });

    public static async Task<List<RowComment>> StoredCommentsAsync(this SessionScenario s, Guid? rowId = null)
    {
        using var client = s.Platform.ClientFor(s.Facilitator);
        var path = rowId is { } row ? $"/api/planning/exercises/{s.ExerciseId}/rows/{row}/comments" : $"/api/planning/exercises/{s.ExerciseId}/comments";
        return await (await client.GetAsync(path)).ReadAsync<List<RowComment>>();
    }

    public static async Task<List<DuplicatePair>> StoredPairsAsync(this SessionScenario s)
    {
        using var client = s.Platform.ClientFor(s.Facilitator);
        return await (await client.GetAsync($"/api/planning/exercises/{s.ExerciseId}/duplicates")).ReadAsync<List<DuplicatePair>>();
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(this SessionScenario s, TestUser user, string path, object? body)
    {
        using var client = s.Platform.ClientFor(user);
        return await client.PostAsJsonAsync(path, body, HttpAssertions.Json);
    }
}
