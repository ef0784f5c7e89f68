using Journeyscope.Server.Api;
using Journeyscope.Server.Components;
using Journeyscope.Server.Services;

// The content root is the app's own folder, so appsettings.json (and its Urls, 127.0.0.1:5080) is found whichever
// folder the server is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddJourneyscopeServices(builder.Configuration);
builder.Services.AddJourneyscopeUi();

var app = builder.Build();
app.SweepUploads();
await app.EnsureDemoWorkspaceAsync();
app.UseJourneyscopeErrors();
app.MapJourneyscopeApi();
app.MapJourneyscopeUi();
await app.RunAsync();

/// <summary>The web app's entry point; public so that functional tests can host it with WebApplicationFactory.</summary>
public partial class Program;
