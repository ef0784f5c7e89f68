namespace Journeyscope.Server.Tests.Api;

/// <summary>A server that starts with the demo workspace (the retail sample simulated, seed 7) and nothing else.</summary>
public sealed class DemoServerFixture : ServerFixture
{
    public DemoServerFixture() => Set("Journeyscope:CreateDemo", "true");

    protected override bool Seed => false;
}
