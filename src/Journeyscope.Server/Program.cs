using Journeyscope.Server;

var app = await JourneyscopeWebApp.BuildAsync(args);
await app.RunAsync();

/// <summary>The web app's entry point; public so that functional tests can host it with WebApplicationFactory.</summary>
public partial class Program;
