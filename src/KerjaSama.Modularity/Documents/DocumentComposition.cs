using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Modularity.Documents;

public static class DocumentComposition
{
    public static IServiceCollection AddDocumentConversion(this IServiceCollection services)
    {
        services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.Section)
            .Validate(o => o.ConvertTimeoutSeconds is >= 5 and <= 3600, "KerjaSama:Documents:ConvertTimeoutSeconds must be between 5 and 3600.")
            .ValidateOnStart();
        services.AddSingleton<OfficeConverter>();
        return services;
    }
}
