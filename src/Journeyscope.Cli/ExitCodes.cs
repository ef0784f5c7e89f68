namespace Journeyscope.Cli;

/// <summary>Exit codes scripts can trust.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int UsageError = 2;

    /// <summary>The command ran but could not complete what was asked: an erasure whose verification still found a copy.</summary>
    public const int Incomplete = 3;
}
