namespace KerjaSama.Security.Tests;

/// <summary>
/// Who may pass each way into the host. One line per route (method, pattern as the host registers it) or hub method,
/// then its rule. A route the host has and this table lacks fails the matrix test, so a new route needs a decision.
/// "Pass" means the request is authorised (any answer but 401/403 and 5xx; a 400 or 404 for the arranged data is a
/// pass); "denied" means 401 (or the sign-in redirect) for anonymous callers and 403 or 404 for members.
/// </summary>
internal static class AccessMatrix
{
    /// <summary>The rules: who passes.</summary>
    public static readonly IReadOnlyDictionary<string, Principal[]> Rules = new Dictionary<string, Principal[]>(StringComparer.Ordinal)
    {
        ["public"] = Enum.GetValues<Principal>(),
        ["member"] = Members,
        ["facilitator"] = [Principal.SecretariatAdmin, Principal.Facilitator],
        ["secretariat"] = [Principal.SecretariatAdmin],
        // The exercise (and its meeting) invite the agency, the observer's agency and the partner.
        ["invited"] = [Principal.SecretariatAdmin, Principal.Facilitator, Principal.Agency, Principal.Partner, Principal.Observer],
        // Consolidation, lifecycle and import: the secretariat and the region's planning agency (none of these principals).
        ["consolidator"] = [Principal.SecretariatAdmin, Principal.Facilitator],
        // Edits of rows over REST: invited contributors (observers read only).
        ["contributor"] = [Principal.SecretariatAdmin, Principal.Facilitator, Principal.Agency, Principal.Partner],
        // A partner's profile and history: the secretariat and the partner itself.
        ["partner-own"] = [Principal.SecretariatAdmin, Principal.Facilitator, Principal.Partner],
        // The Prometheus scrape endpoint: only the scrape token (KerjaSama:Telemetry:Prometheus:ScrapeToken), never a sign-in.
        ["scraper"] = [],
    };

    /// <summary>Protocol endpoints authenticate their callers themselves: only a server error fails them.</summary>
    public const string Protocol = "protocol";

    private static Principal[] Members => [.. Enum.GetValues<Principal>().Where(p => p != Principal.Anonymous)];

    public const string Table = """
        GET / public
        POST / public
        ANY /_blazor member
        ANY /_blazor/disconnect/ member
        ANY /_blazor/initializers/ member
        ANY /_blazor/negotiate member
        GET /_framework/opaque-redirect public
        GET /account/external/callback/{id} public
        POST /account/external/callback/{id} public
        POST /account/external/{id:guid} public
        GET /account/invitation public
        POST /account/invitation public
        GET /account/login public
        POST /account/login public
        POST /account/logout public
        GET /api/identity/audit secretariat
        GET /api/identity/federation/ secretariat
        POST /api/identity/federation/ secretariat
        DELETE /api/identity/federation/{id:guid} secretariat
        GET /api/identity/federation/{id:guid} secretariat
        PUT /api/identity/federation/{id:guid} secretariat
        POST /api/identity/invitations secretariat
        GET /api/identity/me member
        GET /api/identity/me/language member
        PUT /api/identity/me/language member
        GET /api/identity/memberships secretariat
        PUT /api/identity/memberships/{id:guid} secretariat
        GET /api/jobs/ member
        DELETE /api/jobs/{id:guid} member
        GET /api/jobs/{id:guid} member
        GET /api/jobs/{id:guid}/result member
        POST /api/identity/users secretariat
        PUT /api/identity/users/{id:guid}/language secretariat
        GET /api/meetings/ member
        POST /api/meetings/ facilitator
        GET /api/meetings/mine member
        ANY /api/meetings/meetings/{**path} public
        GET /api/meetings/{id:guid} invited
        PUT /api/meetings/{id:guid} facilitator
        GET /api/meetings/{id:guid}/action-items invited
        POST /api/meetings/{id:guid}/action-items facilitator
        GET /api/meetings/{id:guid}/attendance invited
        PUT /api/meetings/{id:guid}/attendance/{personId:guid} facilitator
        GET /api/meetings/{id:guid}/berita-acara.docx invited
        GET /api/meetings/{id:guid}/decisions invited
        POST /api/meetings/{id:guid}/decisions facilitator
        POST /api/meetings/{id:guid}/documents/{kind}/pdf invited
        GET /api/meetings/{id:guid}/invitations facilitator
        POST /api/meetings/{id:guid}/invitations facilitator
        GET /api/meetings/{id:guid}/minutes invited
        PUT /api/meetings/{id:guid}/minutes facilitator
        GET /api/meetings/{id:guid}/minutes.docx invited
        POST /api/meetings/{id:guid}/session/close facilitator
        POST /api/meetings/{id:guid}/session/open facilitator
        GET /api/meetings/{id:guid}/sessions facilitator
        GET /api/meetings/{id:guid}/summary invited
        GET /api/partners/agreements/ member
        POST /api/partners/agreements/ secretariat
        GET /api/partners/agreements/{id:guid} member
        POST /api/partners/agreements/{id:guid}/changes secretariat
        POST /api/partners/agreements/{id:guid}/documents secretariat
        GET /api/partners/agreements/{id:guid}/documents/{documentId:guid} member
        GET /api/partners/agreements/{id:guid}/evaluations member
        POST /api/partners/agreements/{id:guid}/evaluations member
        GET /api/partners/dashboard/ facilitator
        GET /api/partners/dashboard/export.xlsx facilitator
        GET /api/partners/dashboard/yearly/{year:int}.csv facilitator
        GET /api/partners/notifications member
        ANY /api/partners/partners/{**path} public
        GET /api/partners/offers/ member
        POST /api/partners/offers/ secretariat
        GET /api/partners/offers/candidates secretariat
        GET /api/partners/offers/{id:guid} member
        POST /api/partners/offers/{id:guid}/answer member
        GET /api/partners/{organisationId:guid} partner-own
        PUT /api/partners/{organisationId:guid} secretariat
        GET /api/partners/{organisationId:guid}/history partner-own
        POST /api/partners/reminders/run secretariat
        GET /api/planning/exercises/ member
        POST /api/planning/exercises/ secretariat
        GET /api/planning/exercises/{id:guid} invited
        PUT /api/planning/exercises/{id:guid} secretariat
        GET /api/planning/exercises/{id:guid}/consolidation invited
        GET /api/planning/exercises/{id:guid}/comments invited
        POST /api/planning/exercises/{id:guid}/comments/{commentId:guid}/reopen contributor
        POST /api/planning/exercises/{id:guid}/comments/{commentId:guid}/resolve contributor
        GET /api/planning/exercises/{id:guid}/dashboard invited
        GET /api/planning/exercises/{id:guid}/duplicates invited
        POST /api/planning/exercises/{id:guid}/duplicates/{pairId:guid}/dismiss contributor
        POST /api/planning/exercises/{id:guid}/duplicates/{pairId:guid}/link contributor
        POST /api/planning/exercises/{id:guid}/duplicates/{pairId:guid}/merge consolidator
        POST /api/planning/exercises/{id:guid}/duplicates/{pairId:guid}/propose-merge contributor
        GET /api/planning/exercises/{id:guid}/exports/decree-annex.xlsx invited
        GET /api/planning/exercises/{id:guid}/exports/decree-annex.docx invited
        POST /api/planning/exercises/{id:guid}/exports/decree-annex/pdf invited
        GET /api/planning/exercises/{id:guid}/exports/ministry-report.docx invited
        POST /api/planning/exercises/{id:guid}/exports/ministry-report/pdf invited
        GET /api/planning/exercises/{id:guid}/documents/settings invited
        PUT /api/planning/exercises/{id:guid}/documents/settings facilitator
        POST /api/planning/exercises/{id:guid}/documents/settings/form facilitator
        GET /api/planning/exercises/{id:guid}/exports/rkpd.{format} invited
        GET /api/planning/exercises/{id:guid}/exports/rpjmd.{format} invited
        POST /api/planning/exercises/{id:guid}/import consolidator
        POST /api/planning/exercises/{id:guid}/import/jobs consolidator
        POST /api/planning/exercises/{id:guid}/import/preview/ consolidator
        GET /api/planning/exercises/{id:guid}/import/preview/{token:guid} consolidator
        POST /api/planning/exercises/{id:guid}/import/preview/{token:guid}/confirm consolidator
        PUT /api/planning/exercises/{id:guid}/invitations secretariat
        GET /api/planning/exercises/{id:guid}/ops invited
        POST /api/planning/exercises/{id:guid}/ops contributor
        GET /api/planning/exercises/{id:guid}/ops/export invited
        POST /api/planning/exercises/{id:guid}/review/adopt facilitator
        GET /api/planning/exercises/{id:guid}/replay invited
        GET /api/planning/exercises/{id:guid}/review/ranked invited
        GET /api/planning/exercises/{id:guid}/rows invited
        POST /api/planning/exercises/{id:guid}/rows/status consolidator
        POST /api/planning/exercises/{id:guid}/rows/{rowId:guid}/answer contributor
        GET /api/planning/exercises/{id:guid}/rows/{rowId:guid}/comments invited
        POST /api/planning/exercises/{id:guid}/rows/{rowId:guid}/comments contributor
        POST /api/planning/exercises/{id:guid}/rows/{rowId:guid}/edit consolidator
        GET /api/planning/exercises/{id:guid}/rows/{rowId:guid}/history invited
        POST /api/planning/exercises/{id:guid}/rows/{rowId:guid}/merge consolidator
        POST /api/planning/exercises/{id:guid}/rows/{rowId:guid}/review facilitator
        POST /api/planning/exercises/{id:guid}/rows/{rowId:guid}/send-back consolidator
        POST /api/planning/exercises/{id:guid}/rows/{rowId:guid}/status consolidator
        GET /api/planning/exercises/{id:guid}/session invited
        POST /api/planning/exercises/{id:guid}/sessions facilitator
        GET /api/planning/exercises/{id:guid}/timeline invited
        GET /api/planning/exercises/{id:guid}/timeline/export.{format} invited
        POST /api/planning/exercises/{id:guid}/ui-actions consolidator
        GET /api/planning/monitor secretariat
        GET /api/planning/sessions/{id:guid}/monitor secretariat
        POST /api/planning/sessions/{sessionId:guid}/close facilitator
        POST /api/planning/sessions/{sessionId:guid}/lock facilitator
        POST /api/planning/sessions/{sessionId:guid}/unlock facilitator
        GET /api/registry/affairs/ public
        POST /api/registry/affairs/sub-affairs/import secretariat
        GET /api/registry/affairs/{code} public
        GET /api/registry/nomenclature/ public
        GET /api/registry/nomenclature/export public
        GET /api/registry/nomenclature/stats public
        POST /api/registry/nomenclature/import secretariat
        GET /api/registry/organisations/ public
        POST /api/registry/organisations/ secretariat
        GET /api/registry/organisations/export public
        POST /api/registry/organisations/import secretariat
        GET /api/registry/organisations/{id:guid} public
        PUT /api/registry/organisations/{id:guid} secretariat
        POST /api/registry/organisations/{id:guid}/deactivate secretariat
        GET /api/registry/regions/ public
        GET /api/registry/regions/{code} public
        GET /api/registry/regions/{code}/borders public
        GET /connect/authorize protocol
        POST /connect/authorize protocol
        GET /connect/endsession protocol
        POST /connect/endsession protocol
        POST /connect/token protocol
        GET /connect/userinfo protocol
        POST /connect/userinfo protocol
        POST /culture public
        ANY /health/live public
        ANY /health/ready public
        ANY /hubs/mapping member
        ANY /hubs/mapping/negotiate member
        ANY /hubs/monitor secretariat
        ANY /hubs/monitor/negotiate secretariat
        GET /identity/users secretariat
        POST /identity/users secretariat
        GET /meetings member
        POST /meetings member
        GET /meetings/new facilitator
        POST /meetings/new facilitator
        GET /meetings/{Id:guid} invited
        POST /meetings/{Id:guid} invited
        GET /meetings/{Id:guid}/edit facilitator
        POST /meetings/{Id:guid}/edit facilitator
        ANY /metrics scraper
        GET /not-found public
        POST /not-found public
        GET /openapi/{documentName}.json public
        GET /partners member
        POST /partners member
        GET /partners/agreements member
        POST /partners/agreements member
        GET /partners/agreements/{Id:guid} member
        POST /partners/agreements/{Id:guid} member
        GET /partners/dashboard facilitator
        POST /partners/dashboard facilitator
        GET /partners/notifications member
        POST /partners/notifications member
        GET /partners/offers member
        POST /partners/offers member
        GET /partners/sso secretariat
        POST /partners/sso secretariat
        GET /partners/{OrganisationId:guid} partner-own
        POST /partners/{OrganisationId:guid} partner-own
        GET /partners/{OrganisationId:guid}/edit secretariat
        POST /partners/{OrganisationId:guid}/edit secretariat
        GET /partners/{OrganisationId:guid}/sso secretariat
        POST /partners/{OrganisationId:guid}/sso secretariat
        GET /planning member
        POST /planning member
        GET /planning/consolidation member
        POST /planning/consolidation member
        GET /planning/exercises/new secretariat
        POST /planning/exercises/new secretariat
        GET /planning/exercises/{Id:guid} invited
        POST /planning/exercises/{Id:guid} invited
        GET /planning/exercises/{Id:guid}/annex invited
        POST /planning/exercises/{Id:guid}/annex invited
        GET /planning/exercises/{Id:guid}/dashboard invited
        POST /planning/exercises/{Id:guid}/dashboard invited
        GET /planning/exercises/{Id:guid}/invitations secretariat
        POST /planning/exercises/{Id:guid}/invitations secretariat
        GET /planning/exercises/{Id:guid}/edit secretariat
        POST /planning/exercises/{Id:guid}/edit secretariat
        GET /planning/exercises/{Id:guid}/reimport/{Token:guid} consolidator
        POST /planning/exercises/{Id:guid}/reimport/{Token:guid} consolidator
        GET /planning/exercises/{Id:guid}/replay invited
        POST /planning/exercises/{Id:guid}/replay invited
        GET /planning/exercises/{Id:guid}/rows/{RowId:guid}/edit consolidator
        POST /planning/exercises/{Id:guid}/rows/{RowId:guid}/edit consolidator
        GET /planning/monitor secretariat
        POST /planning/monitor secretariat
        GET /planning/sessions/{SessionId:guid}/board invited
        POST /planning/sessions/{SessionId:guid}/board invited
        GET /planning/sessions/{SessionId:guid}/monitor secretariat
        POST /planning/sessions/{SessionId:guid}/monitor secretariat
        GET /registry/affairs public
        POST /registry/affairs public
        GET /registry/import secretariat
        POST /registry/import secretariat
        GET /registry/organisations public
        POST /registry/organisations public
        GET /registry/organisations/new secretariat
        POST /registry/organisations/new secretariat
        GET /registry/organisations/{Id:guid}/edit secretariat
        POST /registry/organisations/{Id:guid}/edit secretariat
        GET /registry/regions public
        POST /registry/regions public
        GET /registry/regions/{Code} public
        POST /registry/regions/{Code} public
        GET /scalar/favicon.svg public
        GET /scalar/scalar.aspnetcore.js public
        GET /scalar/scalar.js public
        GET /scalar/{documentName?} public
        GET /{**path:file} public
        HEAD /{**path:file} public
        HUB /hubs/mapping#BringEveryone facilitator
        HUB /hubs/mapping#CastVote contributor
        HUB /hubs/mapping#CheckSimilar invited
        HUB /hubs/mapping#CloseVote facilitator
        HUB /hubs/mapping#DecideDuplicate contributor-row
        HUB /hubs/mapping#Focus invited
        HUB /hubs/mapping#Join invited
        HUB /hubs/mapping#Leave invited
        HUB /hubs/mapping#ListComments invited
        HUB /hubs/mapping#ListDuplicates invited
        HUB /hubs/mapping#PostComment contributor
        HUB /hubs/mapping#ResolveComment contributor-row
        HUB /hubs/mapping#RetractVote contributor
        HUB /hubs/mapping#RevealVote facilitator
        HUB /hubs/mapping#SetTimer facilitator
        HUB /hubs/mapping#ShareView facilitator
        HUB /hubs/mapping#StartVote facilitator
        HUB /hubs/mapping#Submit contributor-row
        HUB /hubs/monitor#Unwatch secretariat
        HUB /hubs/monitor#WatchAll secretariat
        HUB /hubs/monitor#WatchSession secretariat
        """;

    /// <summary>The rows of <see cref="Table"/>: surface → rule name.</summary>
    public static Dictionary<Surface, string> Rows() =>
        Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => new Surface(parts[0], parts[1]), parts => parts[2]);
}
