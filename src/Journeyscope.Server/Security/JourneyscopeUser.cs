using Microsoft.AspNetCore.Identity;

namespace Journeyscope.Server.Security;

/// <summary>An account of the server (ASP.NET Core Identity's user with the server-owner flag).</summary>
public sealed class JourneyscopeUser : IdentityUser
{
    /// <summary>Whether the user owns the server: every workspace, creating workspaces and users.</summary>
    public bool IsOwner { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
