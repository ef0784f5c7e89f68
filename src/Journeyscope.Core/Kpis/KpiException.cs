using Journeyscope.Journeys;

namespace Journeyscope.Kpis;

/// <summary>A KPI cannot be computed as configured: an unknown kind, a missing or wrong parameter, a bad target or expression.</summary>
/// <remarks>The message names the KPI, where it was defined when known, the parameter and the reason.</remarks>
public sealed class KpiException : Exception
{
    /// <summary>Creates the exception with a full message.</summary>
    public KpiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a full message and its cause.</summary>
    public KpiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an empty exception (serialisation and tooling).</summary>
    public KpiException()
    {
    }

    /// <summary>Creates the exception for one KPI's parameter.</summary>
    public KpiException(JourneyKpi kpi, string? parameter, string reason)
        : base(Describe(kpi, parameter, reason))
    {
        KpiId = kpi.Id;
        Parameter = parameter;
        Location = kpi.Location;
    }

    /// <summary>The id of the KPI at fault, when one is.</summary>
    public string? KpiId { get; }

    /// <summary>The parameter at fault, when one is.</summary>
    public string? Parameter { get; }

    /// <summary>Where the KPI was defined; <see cref="SourceLocation.None"/> when built in code.</summary>
    public SourceLocation Location { get; } = SourceLocation.None;

    private static string Describe(JourneyKpi kpi, string? parameter, string reason)
    {
        var where = kpi.Location.Line > 0 ? kpi.Location + ": " : string.Empty;
        var what = parameter is null ? string.Empty : $", parameter '{parameter}'";
        return $"{where}KPI '{kpi.Id}' (kind {kpi.Kind}){what}: {reason}";
    }
}
