using System.Net.Http.Headers;
using System.Security.Claims;
using Journeyscope.Server.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace Journeyscope.Server.Components;

/// <summary>
/// Gives every call of the UI's API client the signed-in user's identity: a short-lived <see cref="UiToken"/> for the
/// user of the circuit (or, while a page is prerendered, of the request). A call without a signed-in user carries
/// nothing, and the API answers it 401 as it would any anonymous caller.
/// </summary>
internal sealed class UiIdentityHandler(CircuitServices circuit, IHttpContextAccessor http, UiToken tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ClaimsPrincipal? user = null;
        if (circuit.Services?.GetService<AuthenticationStateProvider>() is { } state)
        {
            user = (await state.GetAuthenticationStateAsync().ConfigureAwait(false)).User;
        }

        user ??= http.HttpContext?.User;
        if (CallerClaims.UserId(user) is { } id && user?.Identity?.IsAuthenticated == true)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue(id));
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
