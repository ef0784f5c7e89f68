namespace Journeyscope.IO.Journeys;

/// <summary>How serious a problem in a journey definition is.</summary>
public enum JourneyDiagnosticSeverity
{
    /// <summary>The journey is wrong and cannot be used as written.</summary>
    Error,

    /// <summary>The journey can be used, but something is probably not what the author meant.</summary>
    Warning,
}
