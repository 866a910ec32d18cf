using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace KerjaSama.Host.Composition;

/// <summary>
/// The fallback policy (a member) closes every route endpoint that names no policy and is not [AllowAnonymous]; it is not
/// applied where routing found no route: an unknown URL stays a 404 and a wrong content type a 415, for everyone.
/// </summary>
internal sealed class RouteFallbackPolicyProvider(IOptions<AuthorizationOptions> options, IHttpContextAccessor accessor)
    : IAuthorizationPolicyProvider
{
    private readonly DefaultAuthorizationPolicyProvider _inner = new(options);

    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => _inner.GetDefaultPolicyAsync();

    public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) => _inner.GetPolicyAsync(policyName);

    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() =>
        accessor.HttpContext?.GetEndpoint() is RouteEndpoint ? _inner.GetFallbackPolicyAsync() : Task.FromResult<AuthorizationPolicy?>(null);
}
