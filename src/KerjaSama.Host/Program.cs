using KerjaSama.Host;
using KerjaSama.Host.Composition;
using KerjaSama.Identity;
using KerjaSama.Modularity.Documents;
using KerjaSama.Modularity.Jobs;
using KerjaSama.Modularity.Mail;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformDefaults();
builder.AddPlatformSecurity();
builder.AddPlatformTelemetry();
builder.AddPlatformDatabase(Modules.All);
builder.AddPlatformSilo(Modules.All);
builder.AddPlatformWeb(Modules.All);
builder.AddPlatformMail();
builder.AddPlatformJobs();
builder.Services.AddDocumentConversion();
foreach (var module in Modules.All)
    module.AddServices(builder);

var app = builder.Build();
app.UsePlatformDefaults();
app.MapPlatformEndpoints(Modules.All);
app.MapPlatformTelemetry();
IdentityModule.MapProtocolEndpoints(app);
app.MapJobEndpoints();
foreach (var module in Modules.All)
{
    module.MapEndpoints(app.MapGroup($"/api/{module.Name}"));
    module.MapHubs(app);
}

return await app.RunPlatformAsync(args);
