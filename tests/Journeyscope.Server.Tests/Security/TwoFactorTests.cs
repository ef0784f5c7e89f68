using System.Net;
using System.Text.RegularExpressions;
using Journeyscope.Server.Security;
using Journeyscope.Server.Tests.Api;
using static Journeyscope.Server.Tests.Security.SecurityBrowser;

namespace Journeyscope.Server.Tests.Security;

/// <summary>The TOTP second factor: enrolment on the account page, sign-in with a code computed per RFC 6238, recovery codes.</summary>
public sealed partial class TwoFactorTests : IAsyncLifetime
{
    private const string Summary = "/api/v1/workspaces/shop/summary";
    private readonly ServerFixture _server = new();

    public async ValueTask InitializeAsync() => await _server.InitializeAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void Totp_Rfc6238Vector_IsComputed() =>
        // RFC 6238 appendix B: the SHA-1 key "12345678901234567890" at T = 59 s gives 94287082 (its last six digits here)
        Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)).ShouldBe("287082");

    [Fact]
    public async Task TwoFactor_Enrolled_SignInNeedsTheCurrentCode()
    {
        // Given a user who turns on the authenticator with the key the account page shows
        var (key, recoveryCodes) = await EnrolAsync("gil");

        // When she signs in again: the password, then a wrong code, then the right code
        using var browser = Open(_server);
        using var password = await SignInAsync(browser, "gil");
        using var between = await browser.GetAsync(Summary, TestContext.Current.CancellationToken);
        var page = password.Headers.Location!.ToString();
        using var wrong = await PostFormAsync(browser, page, "/account/two-factor", ("code", Totp.Code(key, DateTimeOffset.UtcNow.AddMinutes(10))));
        using var right = await PostFormAsync(browser, page, "/account/two-factor", ("code", Totp.Code(key, DateTimeOffset.UtcNow)));
        using var api = await browser.GetAsync(Summary, TestContext.Current.CancellationToken);

        // Then the password alone leads to the code page and reads nothing, the wrong code is refused, the right one signs in
        recoveryCodes.Count.ShouldBe(10);
        page.ShouldStartWith("/signin/two-factor");
        between.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.Headers.Location!.ToString().ShouldStartWith("/signin/two-factor?error=code");
        right.Headers.Location!.ToString().ShouldBe("/");
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TwoFactor_RecoveryCode_SignsInOnce()
    {
        // Given an enrolled user and one of her recovery codes
        var (_, recoveryCodes) = await EnrolAsync("hal");
        var code = recoveryCodes[3];

        // When she signs in with it, then again with the same code in another browser
        using var first = Open(_server);
        using var firstPassword = await SignInAsync(first, "hal");
        using var used = await PostFormAsync(first, firstPassword.Headers.Location!.ToString(), "/account/two-factor", ("code", code));
        using var api = await first.GetAsync(Summary, TestContext.Current.CancellationToken);
        using var second = Open(_server);
        using var secondPassword = await SignInAsync(second, "hal");
        using var again = await PostFormAsync(second, secondPassword.Headers.Location!.ToString(), "/account/two-factor", ("code", code));

        // Then the first use signs in, the second is refused
        used.Headers.Location!.ToString().ShouldBe("/");
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.Headers.Location!.ToString().ShouldStartWith("/signin/two-factor?error=code");
    }

    [Fact]
    public async Task TwoFactor_WrongEnrolmentCode_LeavesItOff()
    {
        // Given a signed-in user on the account page
        await AddUserAsync(_server, "ivy", WorkspaceRole.Viewer);
        using var browser = Open(_server);
        (await SignInAsync(browser, "ivy")).Dispose();
        var key = KeyOf(await browser.GetStringAsync("/account", TestContext.Current.CancellationToken));

        // When she enters a code that is not the current one, then signs in again
        using var enrol = await PostFormAsync(browser, "/account", "/account/totp", ("code", Totp.Code(key, DateTimeOffset.UtcNow.AddMinutes(-10))));
        using var fresh = Open(_server);
        using var again = await SignInAsync(fresh, "ivy");

        // Then enrolment is refused and sign-in needs no code
        enrol.Headers.Location!.ToString().ShouldStartWith("/account?error=");
        again.Headers.Location!.ToString().ShouldBe("/");
    }

    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(string name)
    {
        await AddUserAsync(_server, name, WorkspaceRole.Viewer);
        using var browser = Open(_server);
        (await SignInAsync(browser, name)).Dispose();
        var key = KeyOf(await browser.GetStringAsync("/account", TestContext.Current.CancellationToken));
        // The code of the previous 30-second step (authenticator apps' clocks drift; the server accepts it)
        using var enrolled = await PostFormAsync(browser, "/account", "/account/totp", ("code", Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(-30))));
        enrolled.StatusCode.ShouldBe(HttpStatusCode.OK, await enrolled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var page = await enrolled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        (await browser.GetStringAsync("/account", TestContext.Current.CancellationToken)).ShouldContain("data-testid=\"totp-on\"");
        return (key, RecoveryCode().Matches(page).Select(m => m.Groups[1].Value).ToList());
    }

    private static string KeyOf(string accountPage)
    {
        var key = AuthenticatorKey().Match(accountPage).Groups[1].Value;
        key.ShouldNotBeNullOrEmpty();
        return key;
    }

    [GeneratedRegex("data-testid=\"totp-key\">([A-Z2-7 ]+)<")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
