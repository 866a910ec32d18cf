using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Modularity.Jobs;

/// <summary>
/// <c>/api/jobs</c>: the caller's own background jobs. Another user's job answers 404, as if it did not exist.
/// A module starts a job from its own endpoint (202 with the status) and the page polls the status URL.
/// </summary>
public static class JobEndpoints
{
    public static WebApplicationBuilder AddPlatformJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section)
            .Validate(o => o.MaxConcurrent is >= 1 and <= 16, "KerjaSama:Jobs:MaxConcurrent must be between 1 and 16.")
            .Validate(o => o.MaxQueued >= 1 && o.MaxPerUser >= 1 && o.KeepMinutes >= 1, "KerjaSama:Jobs limits must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton<BackgroundJobs>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BackgroundJobs>());
        return builder;
    }

    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization(Policies.Member);
        jobs.MapGet("/", (HttpContext http, BackgroundJobs all) => TypedResults.Ok(all.Mine(Caller.From(http.User)!.UserId))).WithName("ListMyJobs");
        jobs.MapGet("/{id:guid}", (Guid id, HttpContext http, BackgroundJobs all) =>
            all.Find(id, Caller.From(http.User)!.UserId) is { } status ? Results.Ok(status) : NotFound(id)).WithName("GetJob");
        jobs.MapGet("/{id:guid}/result", (Guid id, HttpContext http, BackgroundJobs all) =>
        {
            var user = Caller.From(http.User)!.UserId;
            if (all.Find(id, user) is not { } status)
                return NotFound(id);
            return all.Result(id, user) ?? status.State switch
            {
                JobStates.Cancelled => Problems.Conflict("job_cancelled", "The job was cancelled; it has no result."),
                JobStates.Failed => Problems.Conflict(status.ErrorCode ?? "job_failed", status.Error ?? "The job failed."),
                _ => Problems.Conflict("job_not_finished", "The job has not finished yet; poll its status."),
            };
        }).WithName("GetJobResult");
        jobs.MapDelete("/{id:guid}", (Guid id, HttpContext http, BackgroundJobs all) =>
        {
            var user = Caller.From(http.User)!.UserId;
            if (all.Find(id, user) is not { } before)
                return NotFound(id);
            if (!all.Cancel(id, user))
            {
                return JobStates.IsFinished(before.State)
                    ? Problems.Conflict("job_finished", $"The job already ended ({before.State}).")
                    : Problems.Conflict("job_committing", "The job is writing its result and can no longer be cancelled.");
            }

            return Results.Ok(all.Find(id, user));
        }).WithName("CancelJob");
        return app;
    }

    /// <summary>202 Accepted with the job's status and its URL in <c>Location</c>, or the refusal.</summary>
    public static IResult Accepted((JobStatus? Status, IResult? Refusal) started) =>
        started.Refusal ?? TypedResults.Accepted(started.Status!.StatusUrl, started.Status);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(Guid id) => Problems.NotFound("job_not_found", $"You have no job with the id {id}.");
}
