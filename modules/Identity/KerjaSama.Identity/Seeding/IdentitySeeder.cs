using KerjaSama.Identity.Persistence;
using KerjaSama.Identity.Users;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace KerjaSama.Identity.Seeding;

/// <summary>Seeds the test clients (Testing) or the demo clients and accounts of README.md (Development).</summary>
internal sealed partial class IdentitySeeder(IServiceProvider services, IHostEnvironment environment, IOptions<IdentitySettings> settings,
    ILogger<IdentitySeeder> logger)
{
    public const string DemoPassword = "Kerjasama-Demo-2025!";

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (environment.IsEnvironment("Testing"))
        {
            await EnsureClientsAsync(applications, Clients.ForTesting(), ct);
        }
        else if (environment.IsDevelopment() && settings.Value.SeedDemoData)
        {
            await EnsureClientsAsync(applications, Clients.ForDevelopment(), ct);
            await EnsureDemoUsersAsync(scope.ServiceProvider, ct);
        }
    }

    private static async Task EnsureClientsAsync(IOpenIddictApplicationManager applications, IEnumerable<OpenIddictApplicationDescriptor> clients,
        CancellationToken ct)
    {
        foreach (var client in clients)
        {
            if (await applications.FindByClientIdAsync(client.ClientId!, ct) is null)
                await applications.CreateAsync(client, ct);
        }
    }

    private async Task EnsureDemoUsersAsync(IServiceProvider scoped, CancellationToken ct)
    {
        var db = scoped.GetRequiredService<IdentityDb>();
        var accounts = scoped.GetRequiredService<UserAccounts>();
        var organisations = scoped.GetRequiredService<IOrganisationDirectory>();
        foreach (var (userName, name, orgCode, role) in DemoAccounts.All)
        {
            if (await db.Users.AnyAsync(u => u.UserName == userName, ct))
                continue;
            if (await organisations.FindByCodeAsync(orgCode, ct) is not { } organisation)
            {
                LogMissingOrganisation(orgCode, userName);
                continue;
            }

            var (user, _) = await accounts.CreateAsync(userName, name, DemoPassword, null, ct);
            if (user is not null)
                await accounts.AddMembershipAsync(user.Id, organisation.Id, organisation.Name, role, MembershipStatus.Active, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo organisation {Code} is not in the Registry; {UserName} was not created")]
    private partial void LogMissingOrganisation(string code, string userName);
}

/// <summary>The demo accounts listed in README.md (Development only).</summary>
internal static class DemoAccounts
{
    public static readonly (string UserName, string Name, string OrganisationCode, string Role)[] All =
    [
        ("admin@kerjasama.test", "Admin Bagian Kerja Sama", "62-setda-pemotda", PlatformRoles.SecretariatAdmin),
        ("fasilitator@kerjasama.test", "Fasilitator Biro Pemotda", "62-setda-pemotda", PlatformRoles.Facilitator),
        ("dinkes@kerjasama.test", "Kontributor Dinas Kesehatan", "62-dinkes", PlatformRoles.AgencyContributor),
        ("pupr@kerjasama.test", "Kontributor Dinas PUPR", "62-pupr", PlatformRoles.AgencyContributor),
        ("bapperida@kerjasama.test", "Kontributor Bapperida", "62-bapperida", PlatformRoles.AgencyContributor),
        ("palangkaraya@kerjasama.test", "Kontributor Pemkot Palangka Raya", "pemda-62.71", PlatformRoles.PartnerContributor),
        ("kalsel@kerjasama.test", "Kontributor Pemprov Kalimantan Selatan", "pemda-63", PlatformRoles.PartnerContributor),
        ("pengamat@kerjasama.test", "Pengamat Inspektorat", "62-inspektorat", PlatformRoles.Observer),
    ];
}
