using KerjaSama.Modularity.Persistence;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Live;

#pragma warning disable CA1001 // See MatrixGrain.cs: the gate has no wait handle.
internal sealed partial class MatrixGrain
#pragma warning restore CA1001
{
    /// <summary>
    /// The checks of <see cref="Join"/> without its effects: the hub asks before it adds a connection to the session's
    /// group, so that an uninvited caller never receives a live op.
    /// </summary>
    public async Task<FieldError?> CheckJoin(Caller caller, Guid sessionId)
    {
        if (!await EnsureLoadedAsync())
            return Unavailable(StoreFailures.UnavailableCode);
        if (!CanAccess(caller))
            return new FieldError(RejectionCodes.NotInvited, "Your organisation is not invited to this mapping exercise.");
        return _session is null || _session.Id != sessionId ? new FieldError(RejectionCodes.UnknownSession, "No such live session.") : null;
    }
}
