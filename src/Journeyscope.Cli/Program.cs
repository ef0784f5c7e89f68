namespace Journeyscope.Cli;

/// <summary>The <c>journeyscope</c> entry point.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code: 0 success, 1 bad input, 2 usage error.</summary>
    public static int Main(string[] args) => JourneyscopeCli.Run(args, Console.Out, Console.Error, interactive: !Console.IsErrorRedirected);
}
