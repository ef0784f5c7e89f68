using Journeyscope.Server.Tests.Api;

namespace Journeyscope.Server.Tests.Security;

/// <summary>
/// The PostgreSQL server the security suite also runs against: <c>JOURNEYSCOPE_TEST_POSTGRES</c> (a connection string,
/// set by .ci/run). Without it the tests skip saying so; under <c>CI=true</c> they fail.
/// </summary>
internal static class PostgresStore
{
    public const string Variable = "JOURNEYSCOPE_TEST_POSTGRES";

    /// <summary>Whether a PostgreSQL server is configured.</summary>
    public static bool Available => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable));

    /// <summary>Skips the test (fails it under CI=true) when no PostgreSQL server is configured.</summary>
    public static void Require()
    {
        if (!Available)
        {
            const string reason = Variable + " is not set: the PostgreSQL security tests need a server (.ci/run starts one).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(reason + " CI=true requires it.");
            }

            Assert.Skip(reason);
        }
    }

    /// <summary>The connection string of a new database for one fixture (EnsureCreated creates it).</summary>
    public static string NewDatabase()
    {
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = Environment.GetEnvironmentVariable(Variable) };
        builder["Database"] = "journeyscope_test_" + Guid.NewGuid().ToString("N")[..12];
        return builder.ConnectionString ?? "";
    }

    /// <summary>
    /// Points the server and the CLI (which reads the environment, as an administrator's shell would) at PostgreSQL. The
    /// environment is the process's: the PostgreSQL classes run in a collection without parallel neighbours.
    /// </summary>
    public static void Use(Action<string, string> set, string connection)
    {
        ArgumentNullException.ThrowIfNull(set);
        set("Journeyscope:Security:Provider", "postgres");
        set("Journeyscope:Security:ConnectionString", connection);
        Environment.SetEnvironmentVariable("Journeyscope__Security__Provider", "postgres");
        Environment.SetEnvironmentVariable("Journeyscope__Security__ConnectionString", connection);
    }

    /// <summary>Back to the SQLite default for the CLI.</summary>
    public static void Release()
    {
        Environment.SetEnvironmentVariable("Journeyscope__Security__Provider", null);
        Environment.SetEnvironmentVariable("Journeyscope__Security__ConnectionString", null);
    }
}

/// <summary>The PostgreSQL security tests run alone: they set the process's environment for the CLI.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresCollection
{
    public const string Name = "PostgreSQL security store";
}

/// <summary>The security server with its store on PostgreSQL (when one is configured).</summary>
public sealed class PostgresSecurityServer : SecurityServer
{
    public PostgresSecurityServer()
    {
        if (PostgresStore.Available)
        {
            PostgresStore.Use(Set, PostgresStore.NewDatabase());
        }
    }

    protected override void Released() => PostgresStore.Release();
}

/// <summary>The shop server with its store on PostgreSQL (when one is configured).</summary>
public sealed class PostgresShopServer : ServerFixture
{
    public PostgresShopServer()
    {
        if (PostgresStore.Available)
        {
            PostgresStore.Use(Set, PostgresStore.NewDatabase());
        }
    }

    protected override void Released() => PostgresStore.Release();
}
