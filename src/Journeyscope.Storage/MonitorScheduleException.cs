namespace Journeyscope.Storage;

/// <summary>A monitoring schedule cannot run: a bad cron expression or time zone, or a missing or invalid journey.</summary>
public sealed class MonitorScheduleException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MonitorScheduleException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public MonitorScheduleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public MonitorScheduleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
