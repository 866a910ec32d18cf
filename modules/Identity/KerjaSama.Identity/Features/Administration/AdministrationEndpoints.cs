using KerjaSama.Identity.Persistence;
using KerjaSama.Identity.Users;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Identity.Features.Administration;

/// <summary>The secretariat's administration of users, memberships and roles, and its view of the audit log.</summary>
internal static class AdministrationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me", Me).RequireAuthorization(Policies.Member).WithTags("Identity").WithName("GetCurrentCaller");
        var admin = api.MapGroup("").RequireAuthorization(Policies.Secretariat).WithTags("Identity: administration");
        admin.MapPost("/users", CreateUser).WithName("CreateUser");
        admin.MapPost("/invitations", Invite).WithName("InviteUser");
        admin.MapGet("/memberships", ListMemberships).WithName("ListMemberships");
        admin.MapPut("/memberships/{id:guid}", ChangeMembership).WithName("ChangeMembership");
        admin.MapGet("/audit", ListAudit).WithName("ListAudit");
    }

    /// <summary>What a new user and an invitation both need: a known organisation, a role it may hold, a name.</summary>
    private static async Task<(OrganisationInfo? Organisation, ValidationProblem? Invalid)> CheckMemberAsync(Guid? organisationId, string? role,
        string? displayName, IOrganisationDirectory organisations, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var organisation = organisationId is { } orgId ? await organisations.FindAsync(orgId, ct) : null;
        if (organisation is null)
            errors["organisationId"] = ["Organisasi tidak dikenal / unknown organisation."];
        if (role is null || !PlatformRoles.All.Contains(role))
            errors["role"] = [$"One of {string.Join(", ", PlatformRoles.All)}."];
        else if (organisation is not null && RoleRules.Refusal(organisation, role) is { } refusal)
            errors["role"] = [refusal];
        if (string.IsNullOrWhiteSpace(displayName))
            errors["displayName"] = ["Nama wajib diisi / the name is required."];
        return errors.Count > 0 ? (null, Problems.Validation(errors, RoleRefused(errors, role))) : (organisation, null);
    }

    private static Ok<Caller> Me(HttpContext context) => TypedResults.Ok(Caller.From(context.User)!);

    private static async Task<Results<Created<MembershipDto>, ValidationProblem>> CreateUser(CreateUserRequest request, UserAccounts accounts,
        IOrganisationDirectory organisations, HttpContext context, CancellationToken ct)
    {
        var (organisation, invalid) = await CheckMemberAsync(request.OrganisationId, request.Role, request.DisplayName, organisations, ct);
        if (invalid is not null)
            return invalid;

        var actor = Caller.From(context.User)!;
        var (user, problems) = await accounts.CreateAsync(request.UserName ?? "", request.DisplayName!, request.Password ?? "", actor.UserId, ct);
        if (user is null)
            return Problems.Validation(Texts("password", "password_rejected", problems), "password_rejected");
        var membership = await accounts.AddMembershipAsync(user.Id, organisation!.Id, organisation.Name, request.Role!, MembershipStatus.Active, ct);
        return TypedResults.Created($"/api/identity/memberships/{membership.Id}", ToDto(membership, user));
    }

    private static async Task<Results<Created<InvitationDto>, ValidationProblem>> Invite(InviteRequest request, Invitations invitations,
        IOrganisationDirectory organisations, HttpContext context, CancellationToken ct)
    {
        var (organisation, invalid) = await CheckMemberAsync(request.OrganisationId, request.Role, request.DisplayName, organisations, ct);
        if (invalid is not null)
            return invalid;
        var language = request.Language is null ? KerjaSama.Identity.Contracts.PreferredLanguage.Indonesian
            : KerjaSama.Identity.Contracts.PreferredLanguage.Parse(request.Language);
        if (language is null)
            return Problems.Validation("language", Msg.Of("language_one_of"));

        var actor = Caller.From(context.User)!;
        var result = await invitations.InviteAsync(request.UserName ?? "", request.DisplayName!, organisation!.Id, organisation.Name, request.Role!,
            language, actor.UserId, context.Connection.RemoteIpAddress?.ToString(), $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}", ct);
        if (result.Membership is not { } membership)
            return Problems.Validation(Texts("userName", "invitation_refused", result.Errors));
        return TypedResults.Created($"/api/identity/memberships/{membership.Id}",
            new InvitationDto(ToDto(membership, result.User!), result.Emailed, result.Emailed ? null : result.Link));
    }

    private static async Task<Ok<List<MembershipDto>>> ListMemberships(IdentityDb db, Guid? organisationId, string? status, CancellationToken ct)
    {
        var query = db.Memberships.AsNoTracking();
        if (organisationId is { } id)
            query = query.Where(m => m.OrganisationId == id);
        if (Enum.TryParse<MembershipStatus>(status, true, out var wanted))
            query = query.Where(m => m.Status == wanted);
        var rows = await query.OrderBy(m => m.CreatedAt).Take(500)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u }).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => ToDto(r.m, r.u)).ToList());
    }

    private static async Task<Results<Ok<MembershipDto>, ValidationProblem, ProblemHttpResult>> ChangeMembership(Guid id,
        ChangeMembershipRequest request, UserAccounts accounts, IdentityDb db, HttpContext context, CancellationToken ct)
    {
        if (request.Role is not null && !PlatformRoles.All.Contains(request.Role))
            return Problems.Validation("role", Msg.Of("one_of", string.Join(", ", PlatformRoles.All)));
        if (request.Role is not null && await accounts.RoleRefusalAsync(id, request.Role, ct) is { } refusal)
            return Problems.Validation(Texts("role", "role_not_allowed", [refusal]), "role_not_allowed");
        MembershipStatus? status = null;
        if (request.Status is not null)
        {
            if (!Enum.TryParse<MembershipStatus>(request.Status, true, out var parsed))
                return Problems.Validation("status", Msg.Of("one_of", "invited, pending, active, suspended"));
            status = parsed;
        }

        var actor = Caller.From(context.User)!;
        var changed = await accounts.ChangeMembershipAsync(id, request.Role, status, actor.UserId,
            context.Connection.RemoteIpAddress?.ToString(), ct);
        if (changed.Errors is { } errors)
            return Problems.Validation(errors, changed.Code!);
        if (changed.NotFound)
            return Problems.NotFound(changed.Code!, changed.Detail!);
        var membership = changed.Value!;
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == membership.UserId, ct);
        return TypedResults.Ok(ToDto(membership, user));
    }

    private static async Task<Ok<List<AuditEntryDto>>> ListAudit(IdentityDb db, Guid? userId, CancellationToken ct)
    {
        var query = db.Audit.AsNoTracking();
        if (userId is { } id)
            query = query.Where(a => a.UserId == id);
        var rows = await query.OrderByDescending(a => a.At).Take(200).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(a => new AuditEntryDto(a.At, a.Kind, a.UserId, a.Subject, a.ActorId, a.IpAddress, a.Detail)).ToList());
    }

    private static FieldErrors Texts(string field, string code, IEnumerable<string> texts) =>
        texts.Aggregate(new Validator(), (v, text) => v.Add(field, code, text)).ToDictionary();

    private static string RoleRefused(Dictionary<string, string[]> errors, string? role) =>
        errors.Count == 1 && errors.ContainsKey("role") && role is not null && PlatformRoles.All.Contains(role) ? "role_not_allowed" : "validation_failed";

    private static MembershipDto ToDto(Membership m, User u) =>
        new(m.Id, u.Id, u.UserName, u.DisplayName, m.OrganisationId, m.OrganisationName, m.Role, m.Status.ToString().ToLowerInvariant());
}
