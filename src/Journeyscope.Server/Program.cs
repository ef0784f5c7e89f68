using Journeyscope.Server.Api;
using Journeyscope.Server.Components;
using Journeyscope.Server.Services;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddJourneyscopeServices(builder.Configuration);
builder.Services.AddJourneyscopeUi();

var app = builder.Build();
await app.EnsureDemoWorkspaceAsync();
app.UseJourneyscopeErrors();
app.MapJourneyscopeApi();
app.MapJourneyscopeUi();
await app.RunAsync();

/// <summary>The web app's entry point; public so that functional tests can host it with WebApplicationFactory.</summary>
public partial class Program;
