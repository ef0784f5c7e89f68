namespace Journeyscope.Cli;

/// <summary>
/// The command's input names something the workspace does not have (a misspelt activity in a filter): exit code 1
/// with the message, as for a bad file, rather than a silent empty result.
/// </summary>
internal sealed class BadInputException(string message) : Exception(message);
