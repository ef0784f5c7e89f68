namespace Journeyscope.Server.Api;

/// <summary>Numbers as the API writes them.</summary>
internal static class KpiText
{
    /// <summary>A finite number, or null: JSON has no NaN or infinity.</summary>
    public static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
