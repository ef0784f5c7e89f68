using Journeyscope.Cli;

namespace Journeyscope.Server.Tests.Api;

/// <summary>Runs the <c>journeyscope</c> command line in-process with captured output, to compare the API with the CLI.</summary>
internal static class CliRunner
{
    public static string Json(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = JourneyscopeCli.Run(args, output, error, interactive: false);
        code.ShouldBe(0, error.ToString());
        return output.ToString();
    }
}
