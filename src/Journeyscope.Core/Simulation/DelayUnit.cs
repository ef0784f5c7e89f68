namespace Journeyscope.Simulation;

/// <summary>The clock a simulated delay runs on.</summary>
public enum DelayUnit
{
    /// <summary>Minutes of calendar time, drawn uniformly between half and one and a half times the mean (customer actions, screens).</summary>
    Minutes,

    /// <summary>Hours of calendar time, exponentially distributed (systems and partners that work around the clock).</summary>
    Hours,

    /// <summary>Working hours (Monday to Friday, the scenario's workday), exponentially distributed and scaled by the day's load (backstage work).</summary>
    WorkingHours,

    /// <summary>Days of calendar time, exponentially distributed (deliveries, letters, waiting for the customer).</summary>
    Days,
}
