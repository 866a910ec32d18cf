using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Sync;

/// <summary>One op applied to the replica, for the caller's side effects.</summary>
public sealed record AppliedEffect(AppliedOp Op, bool ByOther, bool Removed, IReadOnlyList<OverwriteNotice> Notices);
