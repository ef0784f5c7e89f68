using Journeyscope.Server.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Server.Tests.Security;

/// <summary>The first start: the owner account on loopback, a refusal on a network address without any account.</summary>
public sealed class FirstStartTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "journeyscope-first-start-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Build_NetworkAddressWithoutAccount_RefusesWithWhatToDo()
    {
        // Given an empty data folder and a server told to listen on every interface
        string[] args = ["--urls", "http://0.0.0.0:0", "--Journeyscope:WorkspacesRoot=" + _root, "--Journeyscope:CreateDemo=false"];

        // When it is built
        var error = await Should.ThrowAsync<InvalidOperationException>(() => JourneyscopeWebApp.BuildAsync(args, TestContext.Current.CancellationToken));

        // Then it refuses and says how to create the owner
        error.Message.ShouldContain("without an account");
        error.Message.ShouldContain("journeyscope users add");
    }

    [Fact]
    public async Task Build_LoopbackWithoutAccount_CreatesTheOwner()
    {
        // Given an empty data folder on loopback
        string[] args = ["--urls", "http://127.0.0.1:0", "--Journeyscope:WorkspacesRoot=" + _root, "--Journeyscope:CreateDemo=false"];

        // When it is built
        await using var app = await JourneyscopeWebApp.BuildAsync(args, TestContext.Current.CancellationToken);

        // Then the owner account exists, without a password (the one-time link signs in)
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JourneyscopeUser>>();
        var owner = await users.FindByNameAsync(FirstStart.OwnerName);
        owner.ShouldNotBeNull();
        owner.IsOwner.ShouldBeTrue();
        (await users.HasPasswordAsync(owner)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", null)]
    [InlineData("http://localhost:5080;http://[::1]:5080", null)]
    [InlineData("http://127.0.0.1:5080;http://0.0.0.0:5080", "http://0.0.0.0:5080")]
    [InlineData("http://*:80", "http://*:80")]
    [InlineData("https://10.1.2.3:443", "https://10.1.2.3:443")]
    public void ExposedUrl_Urls_NamesTheFirstNonLoopback(string urls, string? expected) =>
        FirstStart.ExposedUrl(urls).ShouldBe(expected);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
