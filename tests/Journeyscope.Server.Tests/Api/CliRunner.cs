using System.Reflection;

namespace Journeyscope.Server.Tests.Api;

/// <summary>Runs the <c>journeyscope</c> command line in-process with captured output, to compare the API with the CLI.</summary>
internal static class CliRunner
{
    private static readonly MethodInfo Run = typeof(Journeyscope.Cli.Program).Assembly
        .GetType("Journeyscope.Cli.JourneyscopeCli", throwOnError: true)!
        .GetMethod("Run", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!;

    public static string Json(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = (int)Run.Invoke(null, [args, output, error, false])!;
        code.ShouldBe(0, error.ToString());
        return output.ToString();
    }
}
