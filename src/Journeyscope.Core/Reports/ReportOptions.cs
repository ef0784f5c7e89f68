using Journeyscope.Discovery;
using Journeyscope.Journeys;

namespace Journeyscope.Reports;

/// <summary>What an HTML report shows: the map's sliders, how many variants, the journey, the funnel and the survey attributes.</summary>
/// <remarks>Immutable. The defaults are those of the matching page or command, so a report shows what the user saw.</remarks>
public sealed class ReportOptions
{
    /// <summary>The number of funnel steps taken from the most frequent variant when <see cref="FunnelSteps"/> is not given.</summary>
    public const int DefaultFunnelSteps = 4;

    /// <summary>Every default.</summary>
    public static ReportOptions Default { get; } = new();

    /// <summary>The activity slider of the process map, 0..1 (1 keeps every activity).</summary>
    public double ActivityShare { get; init; } = 1.0;

    /// <summary>The path slider of the process map, 0..1 (1 keeps every path).</summary>
    public double PathShare { get; init; } = 1.0;

    /// <summary>How many variants the report lists.</summary>
    public int TopVariants { get; init; } = VariantsResult.DefaultTop;

    /// <summary>The designed journey whose KPIs, conformance and moments the report shows; null leaves those sections out.</summary>
    public DesignedJourney? Journey { get; init; }

    /// <summary>
    /// The funnel's steps, one activity each; null takes the first <see cref="DefaultFunnelSteps"/> activities of the most
    /// frequent variant (the funnels page's starting funnel).
    /// </summary>
    public IReadOnlyList<string>? FunnelSteps { get; init; }

    /// <summary>The event attribute holding survey answers.</summary>
    public string ScoreAttribute { get; init; } = "score";

    /// <summary>The event attribute holding comments.</summary>
    public string CommentAttribute { get; init; } = "comment";

    /// <summary>The filters the log was filtered with, as the user wrote them (shown in the report's header).</summary>
    public IReadOnlyList<string> Filters { get; init; } = [];

    /// <summary>The workspace version the log was read at (every figure carries it, as the API's do).</summary>
    public long Version { get; init; }

    /// <summary>When the report was made (the caller reads its clock: no clock in Core).</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The report's title.</summary>
    public string Title { get; init; } = "Journeyscope report";

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the problem in the user's words.</summary>
    public void Validate()
    {
        if (!(ActivityShare is >= 0 and <= 1) || !(PathShare is >= 0 and <= 1))
        {
            throw new ArgumentException("The activity and path sliders take a share between 0 and 1.");
        }

        if (TopVariants < 1)
        {
            throw new ArgumentException("The report lists at least one variant.");
        }

        if (FunnelSteps is { } steps && steps.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A funnel step names an activity; one of them is empty.");
        }
    }
}
