using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KerjaSama.Modularity.Persistence;

/// <summary>Rejects an unknown provider or a connection string the provider cannot parse, naming the setting.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!Enum.TryParse<DatabaseProvider>(options.Provider, true, out var provider) || int.TryParse(options.Provider, out _))
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.Section}:Provider '{options.Provider}' is not supported: use Sqlite, PostgreSql or SqlServer.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return provider == DatabaseProvider.Sqlite
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{DatabaseOptions.Section}:ConnectionString is required when {DatabaseOptions.Section}:Provider is {provider}.");
        }

        try
        {
            DbConnectionStringBuilder parsed = provider switch
            {
                DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder(options.ConnectionString),
                DatabaseProvider.PostgreSql => new NpgsqlConnectionStringBuilder(options.ConnectionString),
                _ => new SqlConnectionStringBuilder(options.ConnectionString),
            };
            _ = parsed.Count;
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.Section}:ConnectionString is not a valid {provider} connection string: {ex.Message}");
        }
    }
}
