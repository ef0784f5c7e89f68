using System.CommandLine;
using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Storage;

namespace Journeyscope.Cli.Commands;

/// <summary>The options every analysis command shares: which workspace, which filters, which time basis.</summary>
internal sealed class LogSource(CliContext context)
{
    public Option<string[]> Filters { get; } = new("--filter")
    {
        Description = "A filter (repeatable, applied in order). Examples: --filter \"activity in (A,B)\" --filter \"case.channel == Internet\" " +
            "--filter \"variants top 10\" --filter \"duration 1h..3d\" --filter \"follows A -> B\". See docs/filters.md.",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command) => command.Options.Add(Filters);

    /// <summary>Exit 1 with a did-you-mean when a filter names an activity <paramref name="log"/> (unfiltered) lacks.</summary>
    /// <exception cref="BadInputException">A filter names an unknown activity.</exception>
    public static void RequireKnownActivities(EventLog log, IReadOnlyList<LogFilter> filters, string where)
    {
        if (FilterNames.FirstUnknownActivity(log, filters, where) is { } unknown)
        {
            throw new BadInputException(unknown + " See `journeyscope info` for the activities.");
        }
    }

    /// <summary>Loads the workspace's log in the chosen time basis and applies the filters.</summary>
    public EventLog Load(ParseResult parse, CancellationToken cancellationToken) => LoadVersioned(parse, cancellationToken).Log;

    /// <summary>As <see cref="Load"/>, with the workspace version the log was read at (results report it, as the API does).</summary>
    public (EventLog Log, long Version) LoadVersioned(ParseResult parse, CancellationToken cancellationToken)
    {
        IReadOnlyList<LogFilter> filters;
        try
        {
            filters = FilterParser.ParseAll(parse.GetValue(Filters) ?? []);
        }
        catch (FilterParseException e)
        {
            throw new UsageException(e.Message);
        }

        using var workspace = Workspace.Open(parse.GetRequiredValue(context.Workspace), create: false);
        var version = workspace.Version;
        var log = workspace.LoadEventLog(cancellationToken).ToTimeBasis(context.GetTimeBasis(parse));
        RequireKnownActivities(log, filters, "--filter");
        return (filters.Count == 0 ? log : FilterPipeline.Apply(log, filters, cancellationToken), version);
    }
}
