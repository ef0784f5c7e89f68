namespace Journeyscope.Cli;

/// <summary>The command line is wrong (exit code 2): an unknown value, a missing argument, conflicting options.</summary>
internal sealed class UsageException(string message) : Exception(message);
