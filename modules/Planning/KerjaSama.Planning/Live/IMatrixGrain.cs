using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Live.Facilitation;
using Orleans.Concurrency;

namespace KerjaSama.Planning.Live;

/// <summary>
/// The sequencer and cache of one mapping exercise's matrix (key: the exercise id). Every change to the matrix,
/// live or through REST, goes through it; it commits each op to the log and the rows before acknowledging.
/// </summary>
[Alias("KerjaSama.Planning.IMatrixGrain")]
internal interface IMatrixGrain : IGrainWithGuidKey
{
    [Alias("Submit")]
    Task<OpResult> Submit(Caller caller, OpRequest op);

    [Alias("Join")]
    Task<JoinOutcome> Join(Caller caller, string connectionId, Guid sessionId, long sinceSeq);

    /// <summary>Whether the caller may join that session now (invitation, session); null when it may. Changes nothing.</summary>
    [Alias("CheckJoin")]
    Task<FieldError?> CheckJoin(Caller caller, Guid sessionId);

    [Alias("Leave")]
    Task Leave(string connectionId);

    [Alias("Focus")]
    Task Focus(string connectionId, Guid? rowId, string? field);

    [Alias("OpenSession")]
    Task<SessionInfo> OpenSession(Caller caller);

    [Alias("ChangeSessionState")]
    Task<SessionInfo> ChangeSessionState(Caller caller, Guid sessionId, string state);

    [Alias("GetSession")]
    Task<SessionInfo?> GetSession();

    /// <summary>Who is in the current session now, and the organisations that joined it since this activation (the live monitor).</summary>
    [Alias("GetPresence")]
    Task<PresenceSnapshot> GetPresence();

    [Alias("OpsSince")]
    Task<List<OpMessage>> OpsSince(long sinceSeq, int max);

    [Alias("Subscribe")]
    Task Subscribe(IMatrixObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IMatrixObserver observer);

    /// <summary>
    /// Applies changes made outside a live session (consolidation, review, lifecycle, imports) through the same
    /// sequencer, op log and fan-out, all or nothing.
    /// </summary>
    [Alias("ApplyRegister")]
    Task<RegisterResult> ApplyRegister(Caller caller, RegisterBatch batch);

    /// <summary>True when the caller acts for the planning agency of the exercise's region.</summary>
    [Alias("IsPlanningAgency")]
    Task<bool> IsPlanningAgencyAsync(Caller caller);

    /// <summary>Re-reads the exercise (e.g. after its invitations changed).</summary>
    [Alias("Reload")]
    Task Reload();

    // Facilitation (MatrixGrain.Facilitation.cs): every call answers the session's state, or an error and no change.

    /// <summary>The session's timer, latest vote round (every vote: the host cuts what each connection sees) and view.</summary>
    [Alias("GetFacilitation")]
    Task<FacilitationSnapshot> GetFacilitation(Guid sessionId);

    [Alias("StartVote")]
    Task<FacilitationSnapshot> StartVote(Caller caller, VoteStart start);

    /// <summary>One vote more (<paramref name="delta"/> 1) or less (-1) of the caller's organisation on a row.</summary>
    [Alias("Vote")]
    Task<FacilitationSnapshot> Vote(Caller caller, Guid sessionId, Guid roundId, Guid rowId, int delta);

    /// <summary><c>reveal</c> or <c>close</c>.</summary>
    [Alias("ChangeVote")]
    Task<FacilitationSnapshot> ChangeVote(Caller caller, Guid sessionId, Guid roundId, string change);

    [Alias("SetTimer")]
    Task<FacilitationSnapshot> SetTimer(Caller caller, TimerChange change);

    [Alias("ShareView")]
    Task<FacilitationSnapshot> ShareView(Caller caller, ViewMessage view);
    // Issue 19: row discussion (MatrixGrain.Talk.cs).
    [Alias("PostComment")]
    Task<CommentOutcome> PostComment(Caller caller, CommentRequest request);

    [Alias("ResolveComment")]
    Task<CommentOutcome> ResolveComment(Caller caller, Guid commentId, bool resolved);

    [Alias("ListComments")]
    Task<List<CommentMessage>> ListComments(Guid? rowId);

    [Alias("GetRowTexts")]
    Task<RowTexts> GetRowTexts();

    [Alias("PublishDuplicates")]
    Task PublishDuplicates(List<PairMessage> pairs);
}

/// <summary>One per host: forwards a matrix's events to that host's SignalR connections.</summary>
[Alias("KerjaSama.Planning.IMatrixObserver")]
internal interface IMatrixObserver : IGrainObserver
{
    [OneWay, Alias("OnApplied")]
    Task OnApplied(Guid exerciseId, List<OpMessage> ops);

    [OneWay, Alias("OnPresence")]
    Task OnPresence(Guid exerciseId, Guid sessionId, List<ParticipantMessage> participants);

    [OneWay, Alias("OnSessionState")]
    Task OnSessionState(Guid exerciseId, Guid sessionId, string state);

    [OneWay, Alias("OnVoteState")]
    Task OnVoteState(Guid exerciseId, VoteRoundMessage round);

    [OneWay, Alias("OnTimer")]
    Task OnTimer(Guid exerciseId, TimerMessage timer);

    [OneWay, Alias("OnFacilitatorView")]
    Task OnFacilitatorView(Guid exerciseId, ViewMessage view);
    [OneWay, Alias("OnComment")]
    Task OnComment(Guid exerciseId, Guid sessionId, CommentMessage comment);

    [OneWay, Alias("OnDuplicates")]
    Task OnDuplicates(Guid exerciseId, Guid sessionId, List<PairMessage> pairs);
}
