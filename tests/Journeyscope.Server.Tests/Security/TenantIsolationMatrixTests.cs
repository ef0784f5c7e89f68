using System.Net;
using System.Text;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Server.Tests.Security;

/// <summary>
/// Issue 15's tenant-isolation matrix, generated from the app's endpoint list: every endpoint declares what it needs,
/// anonymous callers get 401, a key of another workspace gets 404, and each role gets exactly what its requirement says.
/// </summary>
public abstract class TenantIsolationMatrix(SecurityServer server)
{
    private const string WorkspacePrefix = "/api/v1/workspaces/{ws}";

    [Fact]
    public void Endpoints_EveryOne_DeclaresWhatItNeeds()
    {
        // Given every endpoint of the app
        var undeclared = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            var pattern = Pattern(endpoint);
            var metadata = endpoint.Metadata;

            // Then a workspace endpoint names its role; any other is anonymous on purpose (and on the list), owner-only or signed-in
            if (pattern.StartsWith(WorkspacePrefix, StringComparison.Ordinal))
            {
                if (metadata.GetMetadata<WorkspaceRoleRequirement>() is null)
                {
                    undeclared.Add(Describe(endpoint));
                }
            }
            else if (metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                if (!AnonymousOnPurpose(pattern) && metadata.GetMetadata<Journeyscope.Server.Collector.CrossSiteAllowed>() is null)
                {
                    undeclared.Add(Describe(endpoint) + " (anonymous)");
                }
            }
        }

        undeclared.ShouldBeEmpty();
    }

    [Fact]
    public async Task Endpoints_Anonymous_Get401()
    {
        // Given a client without credentials
        using var client = server.CreateAnonymousClient();
        var failures = new List<string>();

        // When every endpoint that is not anonymous on purpose is called
        foreach (var endpoint in Endpoints())
        {
            var pattern = Pattern(endpoint);
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || !(pattern.StartsWith("/api", StringComparison.Ordinal) || pattern.StartsWith("/openapi", StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var method in Methods(endpoint))
            {
                using var response = await SendAsync(client, endpoint, method, Fill(pattern, SecurityServer.Workspace));

                // Then it answers 401
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{method} {pattern}: {(int)response.StatusCode}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task WorkspaceEndpoints_KeyOfAnotherWorkspace_Get404()
    {
        // Given an admin key of workspace "other"
        using var client = server.Client(server.OtherAdminKey);
        var failures = new List<string>();

        // When it calls every endpoint of workspace "shop"
        foreach (var endpoint in WorkspaceEndpoints())
        {
            foreach (var method in Methods(endpoint))
            {
                using var response = await SendAsync(client, endpoint, method, Fill(Pattern(endpoint), SecurityServer.Workspace));

                // Then shop answers as if it did not exist
                if (response.StatusCode != HttpStatusCode.NotFound || !(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Contains("Unknown workspace", StringComparison.Ordinal))
                {
                    failures.Add($"{method} {Pattern(endpoint)}: {(int)response.StatusCode}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("read", WorkspaceRole.Viewer)]
    [InlineData("write", WorkspaceRole.Analyst)]
    [InlineData("admin", WorkspaceRole.Admin)]
    public async Task WorkspaceEndpoints_EachScope_GetsExactlyWhatItsRoleAllows(string scope, WorkspaceRole role)
    {
        // Given a key of shop with this scope
        var key = scope switch { "read" => server.ReadKey, "write" => server.WriteKey, _ => server.AdminKey };
        using var client = server.Client(key);
        var failures = new List<string>();

        // When it calls every endpoint of shop (but the rename and delete of shop itself, which would end the fixture)
        foreach (var endpoint in WorkspaceEndpoints())
        {
            var needed = endpoint.Metadata.GetMetadata<WorkspaceRoleRequirement>()?.Role ?? WorkspaceAccessFilter.DefaultRequirement;
            var pattern = Pattern(endpoint);
            foreach (var method in Methods(endpoint))
            {
                if (role >= needed && pattern == WorkspacePrefix + "/" && method is "DELETE" or "PATCH")
                {
                    continue;
                }

                using var response = await SendAsync(client, endpoint, method, Fill(pattern, SecurityServer.Workspace));
                var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                    || (response.StatusCode == HttpStatusCode.NotFound && body.Contains("Unknown workspace", StringComparison.Ordinal));

                // Then it is refused (403) exactly when its role is below the endpoint's requirement
                if (role < needed && response.StatusCode != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{scope}: {method} {pattern} needs {needed} but answered {(int)response.StatusCode}");
                }
                else if (role >= needed && refused)
                {
                    failures.Add($"{scope}: {method} {pattern} allowed for {needed} but answered {(int)response.StatusCode}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task WorkspaceList_KeyOfOneWorkspace_ListsOnlyThatWorkspace()
    {
        // Given a key of "other"
        using var client = server.Client(server.OtherAdminKey);

        // When it lists the workspaces and tries to create one
        var list = await client.GetStringAsync("/api/v1/workspaces", TestContext.Current.CancellationToken);
        using var create = await client.PostAsync("/api/v1/workspaces",
            new StringContent("""{"name":"sneaky"}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        // Then it sees only "other", and only the owner creates workspaces
        list.ShouldContain("\"other\"");
        list.ShouldNotContain("\"shop\"");
        create.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        server.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null);

    private IEnumerable<RouteEndpoint> WorkspaceEndpoints() =>
        Endpoints().Where(e => Pattern(e).StartsWith(WorkspacePrefix, StringComparison.Ordinal));

    private static string Pattern(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Where(m => m != "OPTIONS" && m != "HEAD");

    private static string Describe(RouteEndpoint endpoint) => string.Join(",", Methods(endpoint)) + " " + Pattern(endpoint);

    /// <summary>Anonymous on purpose: health, sign-in, the UI's static files and sign-in pages (and the collector, by its CrossSiteAllowed metadata).</summary>
    private static bool AnonymousOnPurpose(string pattern) =>
        pattern == "/api/v1/health" || pattern.StartsWith("/account/", StringComparison.Ordinal) || pattern.StartsWith("/signin", StringComparison.Ordinal)
        || pattern.StartsWith("/_framework", StringComparison.Ordinal) || pattern.StartsWith("/_content", StringComparison.Ordinal)
        || System.IO.Path.HasExtension(pattern.Split('{')[0]);

    private static string Fill(string pattern, string workspace)
    {
        var path = pattern.Replace("{ws}", workspace, StringComparison.Ordinal);
        var text = new StringBuilder();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '{')
            {
                var end = path.IndexOf('}', i);
                var name = path[(i + 1)..end];
                text.Append(name.Contains(":int", StringComparison.Ordinal) ? "1" : "x");
                i = end + 1;
            }
            else
            {
                text.Append(path[i++]);
            }
        }

        return text.ToString();
    }

    // A body of the content type the endpoint accepts (so that routing does not answer 415 before the filter runs).
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, RouteEndpoint endpoint, string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            var type = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json";
            request.Content = type.StartsWith("multipart/", StringComparison.Ordinal)
                ? new StringContent("--x--\r\n", Encoding.UTF8)
                : new StringContent(type.Contains("json", StringComparison.Ordinal) ? "{}" : "", Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(
                type.StartsWith("multipart/", StringComparison.Ordinal) ? "multipart/form-data; boundary=x" : type);
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

/// <summary>The matrix on the SQLite store.</summary>
public sealed class TenantIsolationMatrixTests(SecurityServer server) : TenantIsolationMatrix(server), IClassFixture<SecurityServer>;

/// <summary>The matrix on the PostgreSQL store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresTenantIsolationMatrixTests : TenantIsolationMatrix, IClassFixture<PostgresSecurityServer>
{
    public PostgresTenantIsolationMatrixTests(PostgresSecurityServer server)
        : base(server) => PostgresStore.Require();
}
