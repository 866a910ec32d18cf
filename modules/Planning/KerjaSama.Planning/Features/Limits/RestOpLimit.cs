using System.Globalization;
using System.Threading.RateLimiting;
using KerjaSama.Modularity.Security;
using KerjaSama.Modularity.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Features.Limits;

/// <summary>Settings under <c>KerjaSama:Limits:RestOps</c>: how many matrix changes one user may send over REST per window.</summary>
internal sealed class RestOpsLimitOptions
{
    public const string Section = "KerjaSama:Limits:RestOps";

    public int PermitLimit { get; set; } = 120;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>One fixed window per user id (ASP.NET Core's System.Threading.RateLimiting limiters).</summary>
internal sealed class RestOpLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public RestOpLimiter(IOptions<RestOpsLimitOptions> options)
    {
        Options = options.Value;
        var settings = new FixedWindowRateLimiterOptions
        {
            PermitLimit = Options.PermitLimit, Window = TimeSpan.FromSeconds(Options.WindowSeconds), QueueLimit = 0, AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetFixedWindowLimiter(user, _ => settings));
    }

    public RestOpsLimitOptions Options { get; }

    public RateLimitLease Acquire(string user) => _limiter.AttemptAcquire(user);

    public void Dispose() => _limiter.Dispose();
}

/// <summary>
/// The per-user limit on Planning's REST writes (row ops, consolidation edits, status changes, review, import, sessions),
/// put on the module's whole route group. An endpoint filter rather
/// than the rate-limiting middleware: the host runs that middleware before authentication (for its per-address sign-in
/// limit), where the user is not known yet; filters run after authorization, so the partition is the signed-in user.
/// Reads (GET) are not limited.
/// </summary>
internal static class RestOpLimit
{
    public static TBuilder RequireRestOpLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                return await next(context);
            var limiter = http.RequestServices.GetRequiredService<RestOpLimiter>();
            var user = Caller.From(http.User)?.UserId.ToString() ?? "anonymous:" + http.Connection.RemoteIpAddress;
            using (var lease = limiter.Acquire(user))
            {
                if (lease.IsAcquired)
                    return await next(context);
                var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(limiter.Options.WindowSeconds);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    Messages.Text("rest_rate_limited", limiter.Options.PermitLimit, limiter.Options.WindowSeconds, seconds),
                    statusCode: StatusCodes.Status429TooManyRequests, title: Messages.Text("title.429"),
                    extensions: new Dictionary<string, object?> { ["code"] = RejectionCodes.RateLimited, ["retryAfterSeconds"] = seconds });
            }
        });
}
