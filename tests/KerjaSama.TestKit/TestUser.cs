using KerjaSama.Modularity.Security;

namespace KerjaSama.TestKit;

/// <summary>A signed-in user of a test: who it is and the access token the host accepts for it.</summary>
public sealed record TestUser(Caller Caller, string AccessToken);
