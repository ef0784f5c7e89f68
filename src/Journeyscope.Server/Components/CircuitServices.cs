using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Journeyscope.Server.Components;

/// <summary>
/// The services of the Blazor circuit whose event is being handled, for code that runs in another DI scope (the UI's
/// HttpClient handler): the pattern ASP.NET Core's docs give for reaching circuit services from a DelegatingHandler.
/// </summary>
internal sealed class CircuitServices
{
    private static readonly AsyncLocal<IServiceProvider?> Current = new();

    public IServiceProvider? Services
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}

/// <summary>Sets <see cref="CircuitServices"/> around every inbound activity of a circuit.</summary>
internal sealed class CircuitServicesHandler(IServiceProvider services, CircuitServices accessor) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            accessor.Services = services;
            await next(context).ConfigureAwait(false);
            accessor.Services = null;
        };
}
