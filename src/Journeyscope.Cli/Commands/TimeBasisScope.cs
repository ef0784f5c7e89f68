using System.CommandLine;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>--time-basis</c> is honoured by every command that reads the log's timestamps, and refused (a usage error, exit 2)
/// by the others, rather than silently ignored.
/// </summary>
internal static class TimeBasisScope
{
    /// <summary>The commands (by name, leaves of the command tree) whose results depend on the time basis.</summary>
    public static IReadOnlySet<string> Honouring { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "info", "discover", "variants", "performance", "bottlenecks", "conformance", "funnel", "paths", "retention", "kpi", "voc", "report", "draft",
    };

    /// <summary>Adds the refusal to every leaf command of <paramref name="root"/> that is not in <see cref="Honouring"/>.</summary>
    public static void RefuseOutside(RootCommand root, Option<string> timeBasis)
    {
        var pending = new Stack<Command>(root.Subcommands);
        while (pending.Count > 0)
        {
            var command = pending.Pop();
            if (command.Subcommands.Count > 0)
            {
                foreach (var sub in command.Subcommands)
                {
                    pending.Push(sub);
                }

                continue;
            }

            if (!Honouring.Contains(command.Name))
            {
                var name = command.Name;
                command.Validators.Add(result =>
                {
                    if (result.GetResult(timeBasis) is { Implicit: false })
                    {
                        result.AddError($"--time-basis does not apply to '{name}': it reads no timestamps in a time basis. " +
                            $"It applies to: {string.Join(", ", Honouring.Order(StringComparer.Ordinal))}.");
                    }
                });
            }
        }
    }
}
