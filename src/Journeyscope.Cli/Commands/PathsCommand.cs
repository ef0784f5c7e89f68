using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.Funnels;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope paths</c>: the top next (or previous) steps from (or to) a step, as Sankey nodes and links.</summary>
internal static class PathsCommand
{
    public static Command Create(CliContext context)
    {
        var source = new LogSource(context);
        var from = new Option<string?>("--from") { Description = "Show the paths after this step (step syntax). Example: --from \"Add to cart\"" };
        var to = new Option<string?>("--to") { Description = "Show the paths leading to this step; with --from, the paths between the two. Example: --to Pay" };
        var depth = new Option<int>("--depth") { Description = "Steps to show from the anchor (default 3).", DefaultValueFactory = _ => PathOptions.DefaultDepth };
        var top = new Option<int>("--top") { Description = "Activities per depth; the rest go to 'other' (default 5).", DefaultValueFactory = _ => PathOptions.DefaultTop };
        var command = new Command("paths",
            "Paths: the most frequent next steps after --from, or previous steps before --to, or the steps between --from and --to, " +
            "depth by depth with an 'other' bucket and an end-of-journey sink, so counts always add up (Sankey data).\n" +
            "Example: journeyscope paths --from \"Add to cart\" --depth 3 --top 5 --format json")
        {
            from, to, depth, top,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var fromText = parse.GetValue(from);
            var toText = parse.GetValue(to);
            if (fromText is null && toText is null)
            {
                throw new UsageException("paths needs --from STEP, --to STEP, or both.");
            }

            if (parse.GetValue(depth) < 1 || parse.GetValue(top) < 1)
            {
                throw new UsageException("--depth and --top must be positive.");
            }

            PathOptions options;
            try
            {
                options = PathOptions.For(
                    fromText is null ? null : FunnelStep.Parse(fromText), toText is null ? null : FunnelStep.Parse(toText),
                    depth: parse.GetValue(depth), top: parse.GetValue(top));
            }
            catch (FormatException e)
            {
                throw new UsageException(e.Message);
            }

            var (log, version) = source.LoadVersioned(parse, cancellationToken);
            var result = PathAnalysis.Compute(log, options, cancellationToken);
            var links = new Table("Paths", "Depth", "From", "To", "Cases", "Share of anchor");
            foreach (var link in result.Links)
            {
                var target = result.Nodes[link.Target];
                links.Add(target.Depth, result.Nodes[link.Source].Label, target.Label, link.Cases,
                    result.Cases == 0 ? 0.0 : (double)link.Cases / result.Cases);
            }

            var nodes = new Table("Nodes", "Id", "Depth", "Label", "Kind", "Cases");
            foreach (var node in result.Nodes)
            {
                nodes.Add(node.Id, node.Depth, node.Label, PathNodeKinds.Name(node.Kind), node.Cases);
            }

            var report = new Report().Add(links).Add(nodes);
            report.Notes.Add($"{result.Cases:N0} of {log.CaseCount:N0} cases contain the anchor '{options.Anchor.Label}' (first occurrence used).");
            report.Json = PathsResult.From(result, log.TimeBasis, version);
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
