using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KerjaSama.Modularity.Mail;

/// <summary>Registers the platform's one <see cref="IMailSender"/>; the host calls it once, before the modules.</summary>
public static class MailComposition
{
    public static WebApplicationBuilder AddPlatformMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailSettings>().BindConfiguration(MailSettings.Section)
            .Validate(s => s.Mode is null || s.Mode is MailModes.Pickup or MailModes.Smtp or MailModes.Disabled,
                "KerjaSama:Mail:Mode must be Pickup, Smtp or Disabled.")
            .Validate(s => s.Mode != MailModes.Smtp || !string.IsNullOrWhiteSpace(s.Host), "KerjaSama:Mail:Host is required in Smtp mode.")
            .Validate(s => s.Port is > 0 and < 65536, "KerjaSama:Mail:Port must be a TCP port.")
            .ValidateOnStart();
        var settings = builder.Configuration.GetSection(MailSettings.Section).Get<MailSettings>() ?? new();
        var mode = settings.Mode ?? (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing") ? MailModes.Pickup
            : string.IsNullOrWhiteSpace(settings.Host) ? MailModes.Disabled : MailModes.Smtp);
        var dataDirectory = Path.GetFullPath(builder.Configuration.GetValue<string>($"{PlatformOptions.Section}:{nameof(PlatformOptions.DataDirectory)}")
            ?? "App_Data", builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(new MailOptions(mode, Path.GetFullPath(settings.PickupDirectory, dataDirectory), settings));
        builder.Services.AddSingleton<IMailSender, MailKitSender>();
        return builder;
    }
}
