[assembly: AssemblyFixture(typeof(Journeyscope.Server.Tests.Api.CliDemoWorkspace))]
