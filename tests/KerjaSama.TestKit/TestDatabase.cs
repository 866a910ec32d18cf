using Npgsql;

namespace KerjaSama.TestKit;

/// <summary>A throwaway database for one host: a fresh SQLite folder or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "KERJASAMA_TEST_POSTGRES";

    private readonly Func<ValueTask> _drop;

    private TestDatabase(string provider, string? connectionString, string dataDirectory, Func<ValueTask> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        _drop = drop;
    }

    public string Provider { get; }

    public string? ConnectionString { get; }

    public string DataDirectory { get; }

    public static TestDatabase Sqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kerjasama-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return new TestDatabase("Sqlite", null, dir, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a pooled connection of a late grain; the OS temp cleaner takes it.
            }

            return ValueTask.CompletedTask;
        });
    }

    public static async Task<TestDatabase> PostgreSqlAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with build/test.sh, which starts a throwaway PostgreSQL 15, " +
                "or point the variable at a server, e.g. Host=127.0.0.1;Port=5432;Username=postgres.");
        }

        var name = "ks_" + Guid.NewGuid().ToString("N")[..20];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        var dir = Path.Combine(Path.GetTempPath(), "kerjasama-tests", name);
        Directory.CreateDirectory(dir);
        return new TestDatabase("PostgreSql", connectionString, dir, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }

    /// <summary>Host settings that point the platform at this database.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["KerjaSama:DataDirectory"] = DataDirectory,
        ["KerjaSama:Database:Provider"] = Provider,
        ["KerjaSama:Database:ConnectionString"] = ConnectionString ?? "",
        ["KerjaSama:Database:MigrateOnStartup"] = "true",
        // The host runs on plain HTTP on 127.0.0.1; tests sign in many users from one address.
        ["KerjaSama:Identity:AllowHttpOnLoopback"] = "true",
        ["KerjaSama:Identity:SignInRequestsPerMinute"] = "100000",
        // Tests drive thousands of ops from one user; the rate-limit tests set their own small limits.
        ["KerjaSama:Live:SubmitsPerSecond"] = "100000",
        ["KerjaSama:Live:SubmitBurst"] = "100000",
    };

    public ValueTask DisposeAsync() => _drop();
}
