namespace Journeyscope.Cli;

/// <summary>Exit codes scripts can trust.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int UsageError = 2;
}
