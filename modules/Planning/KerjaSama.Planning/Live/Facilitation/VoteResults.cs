using System.Text.Json;
using KerjaSama.Planning.Contracts.Sessions;
using KerjaSama.Planning.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Live.Facilitation;

internal sealed class VoteResults(IDbContextFactory<PlanningDb> factory) : IVoteResults
{
    public async Task<IReadOnlyList<VoteRoundResult>> RoundsAsync(Guid exerciseId, IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken)
    {
        if (sessionIds.Count == 0)
            return [];
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ids = sessionIds.ToList();
        var rounds = await db.VoteRounds.AsNoTracking().Where(r => r.ExerciseId == exerciseId && ids.Contains(r.SessionId)).ToListAsync(cancellationToken);
        var roundIds = rounds.Select(r => r.Id).ToList();
        var votes = await db.Votes.AsNoTracking().Where(v => roundIds.Contains(v.RoundId) && v.Votes > 0).ToListAsync(cancellationToken);
        var rowIds = rounds.SelectMany(r => JsonSerializer.Deserialize<List<Guid>>(r.RowIdsJson) ?? []).Distinct().ToList();
        var potentials = (await db.Rows.AsNoTracking().Where(r => rowIds.Contains(r.Id)).Select(r => new { r.Id, r.ValuesJson }).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id, r => Potential(r.ValuesJson));
        return [.. rounds.OrderBy(r => ids.IndexOf(r.SessionId)).ThenBy(r => r.Number).Select(r =>
        {
            var order = JsonSerializer.Deserialize<List<Guid>>(r.RowIdsJson) ?? [];
            var mine = votes.Where(v => v.RoundId == r.Id).ToList();
            var rows = order.Select((id, i) => (Row: new VotedRow(id, potentials.GetValueOrDefault(id), mine.Where(v => v.RowId == id).Sum(v => v.Votes)), Index: i))
                .OrderByDescending(x => x.Row.Votes).ThenBy(x => x.Index).Select(x => x.Row).ToList();
            return new VoteRoundResult(r.Id, r.SessionId, r.Label, r.AffairCode, r.State, r.VotesPerOrganisation,
                mine.Select(v => v.OrganisationId).Distinct().Count(), rows);
        })];
    }

    private static string? Potential(string valuesJson)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(valuesJson);
        return values is not null && values.TryGetValue(Contracts.Live.MatrixFieldNames.Potential, out var p) && p.ValueKind == JsonValueKind.String
            ? p.GetString()
            : null;
    }
}
