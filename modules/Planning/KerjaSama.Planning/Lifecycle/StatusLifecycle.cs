using S = KerjaSama.Planning.Contracts.RowStatuses;

namespace KerjaSama.Planning.Lifecycle;

/// <summary>
/// The allowed moves of a row's status (docs/domain.md, "Lifecycle after mapping"). Side exits: any status before the
/// agreement can be rejected (ditolak) or postponed (ditunda); a postponed row resumes where it was postponed or
/// starts over as proposed. Revising after review sends a row back to verification; a question to the agency sends
/// a verified row back to proposed.
/// </summary>
internal static class StatusLifecycle
{
    public const string Initial = S.Proposed;

    private static readonly Dictionary<string, string[]> Next = new(StringComparer.Ordinal)
    {
        [S.Proposed] = [S.Verified, S.Rejected, S.Postponed],
        [S.Verified] = [S.InReview, S.Proposed, S.Rejected, S.Postponed],
        [S.InReview] = [S.Adopted, S.Verified, S.Rejected, S.Postponed],
        [S.Adopted] = [S.Integrated, S.Postponed],
        [S.Integrated] = [S.Offered, S.Postponed],
        [S.Offered] = [S.JointAgreementSigned, S.Rejected, S.Postponed],
        [S.JointAgreementSigned] = [S.DprdApproved, S.AgreementSigned, S.Postponed],
        [S.DprdApproved] = [S.AgreementSigned, S.Rejected, S.Postponed],
        [S.AgreementSigned] = [S.Running],
        [S.Running] = [S.Ended, S.Extended, S.Stopped],
        [S.Extended] = [S.Running, S.Ended, S.Stopped],
        [S.Ended] = [S.Extended],
        [S.Stopped] = [],
        [S.Rejected] = [],
        [S.Postponed] = [S.Proposed],
    };

    /// <summary>Adopted by decree or later along the main line: the rows of the decree annex.</summary>
    public static readonly IReadOnlySet<string> AdoptedOrLater = new HashSet<string>(
        [S.Adopted, S.Integrated, S.Offered, S.JointAgreementSigned, S.DprdApproved, S.AgreementSigned, S.Running, S.Ended, S.Extended],
        StringComparer.Ordinal);

    /// <summary>The statuses a row may move to from <paramref name="from"/>.</summary>
    public static IReadOnlyList<string> Allowed(string from, string? postponedFrom)
    {
        if (!Next.TryGetValue(from, out var next))
            return [];
        // Only a status a row can be postponed from is one it resumes to (a stored value is never taken on trust).
        return from == S.Postponed && postponedFrom is not null && postponedFrom != S.Proposed
            && Next.TryGetValue(postponedFrom, out var before) && before.Contains(S.Postponed)
            ? [.. next, postponedFrom] : next;
    }

    public static bool IsAllowed(string from, string to, string? postponedFrom) => Allowed(from, postponedFrom).Contains(to);

    /// <summary>
    /// The statuses from which a row may be offered to a partner: those that may move to <c>ditawarkan</c>, and
    /// <c>ditawarkan</c> itself (a further offer, e.g. to another partner after a refusal).
    /// </summary>
    public static readonly IReadOnlySet<string> Offerable = new HashSet<string>(
        Next.Where(n => n.Value.Contains(S.Offered)).Select(n => n.Key).Append(S.Offered), StringComparer.Ordinal);
}
