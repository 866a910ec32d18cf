using KerjaSama.SharedKernel;

namespace KerjaSama.Planning.Contracts.Live;

/// <summary>
/// Codes of rejected acks (<see cref="AckError.Code"/>) that a client acts on; validation codes of single fields
/// (e.g. <c>duration_over_five_years</c>) are shown with their message and need no special handling.
/// </summary>
public static class RejectionCodes
{
    /// <summary>Retryable: faster than the per-user rate; send the same op id again in a moment.</summary>
    public const string RateLimited = ProblemCodes.RateLimited;

    /// <summary>Retryable: the database could not commit the op; send the same op id again.</summary>
    public const string NotCommitted = "not_committed";

    public const string NotJoined = "not_joined";
    public const string NotInvited = "not_invited";
    public const string Forbidden = ProblemCodes.Forbidden;
    public const string UnknownSession = "unknown_session";
    public const string SessionLocked = "session_locked";
    public const string SessionClosed = "session_closed";
    public const string UnknownRow = "unknown_row";
    public const string RowExists = "row_exists";
    public const string InvalidOp = "invalid_op";
    public const string InvalidValue = "invalid_value";

    // Rules of the matrix (docs/live-sessions.md, "Rules of a row"): the op changes nothing; the field names what to fix.
    public const string CodeNotOfLevel = "code_not_of_level";
    public const string PartnerKindMismatch = "partner_kind_mismatch";
    public const string ForeignApprovalsRequired = "foreign_approvals_required";

    // Facilitation (votes, timer, view): see FacilitationHubNames.
    public const string UnknownVote = "unknown_vote";
    public const string VoteClosed = "vote_closed";
    public const string VoteAlreadyOpen = "vote_already_open";
    public const string VoteAllowanceExceeded = "vote_allowance_exceeded";
    public const string VoteRowOutsideRound = "vote_row_outside_round";
    public const string NoVoteToRetract = "no_vote_to_retract";
    public const string InvalidVote = "invalid_vote";
    public const string InvalidTimer = "invalid_timer";
    public const string InvalidView = "invalid_view";
    // Row discussion and duplicates (TalkHubNames).
    public const string CommentEmpty = "comment_empty";
    public const string CommentTooLong = "comment_too_long";
    public const string InvalidKind = "invalid_kind";
    public const string MentionNotInvited = "mention_not_invited";
    public const string UnknownComment = "unknown_comment";
    public const string UnknownPair = "unknown_pair";
    public const string InvalidDecision = "invalid_decision";
}
