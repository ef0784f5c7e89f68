using System.CommandLine;
using Journeyscope.IO.Journeys;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope journey init</c>: writes a commented journey template that validates.</summary>
internal static class JourneyInitCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out", "-o") { Description = "The file to write (default: journeys/<id>.yaml in the workspace)." };
        var name = new Option<string>("--name") { Description = "The journey's display name (default: \"Customer journey\"); the id is derived from it." };
        var force = new Option<bool>("--force") { Description = "Overwrite the file when it exists." };
        var command = new Command("init",
            "Write a commented journey template: the eight default stages, two example touchpoints, a flow, a KPI and a time target.\n" +
            "Example: journeyscope journey init --name \"Retail purchase\"")
        {
            output, name, force,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var displayName = parse.GetValue(name) is { Length: > 0 } given ? given : "Customer journey";
            var id = IdFrom(displayName);
            var path = parse.GetValue(output) is { Length: > 0 } target
                ? target
                : Path.Combine(parse.GetRequiredValue(context.Workspace), JourneyFiles.FolderName, id + ".yaml");
            if (File.Exists(path) && !parse.GetValue(force))
            {
                throw new UsageException($"{path} exists; use --force to overwrite it.");
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllText(path, Template(id, displayName));
            context.Output.WriteLine($"Wrote {path}. Edit it, then run 'journeyscope journey validate {path}'.");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>A journey id from a display name: lower-case letters and digits, other runs become '-'.</summary>
    internal static string IdFrom(string name)
    {
        var chars = new List<char>();
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                chars.Add(char.ToLowerInvariant(c));
            }
            else if (chars.Count > 0 && chars[^1] != '-')
            {
                chars.Add('-');
            }
        }

        var id = new string([.. chars]).Trim('-');
        return id.Length == 0 ? "journey" : id;
    }

    internal static string Template(string id, string name) => $$"""
        # A designed customer journey (format: docs/journeys.md; JSON Schema: docs/schemas/journey.schema.json).
        # Check it with: journeyscope journey validate   (with a workspace log it also checks that every rule matches events)

        journey: {{id}}                       # id: letters, digits, '-' and '_'
        name: {{JourneyYaml.Quote(name)}}
        owner: CX team
        description: What the customer should experience, from first contact to advocacy.

        # The value stream stages, in order. These are the eight defaults; rename, remove or add your own.
        stages:
          - id: awareness
            name: Awareness & Discovery
          - id: acquisition
            name: Acquisition & Conversion
          - id: purchase
            name: Purchase & Transaction
          - id: fulfilment
            name: Fulfilment & Delivery
          - id: service
            name: Service & Support
          - id: loyalty
            name: Relationship & Loyalty
          - id: feedback
            name: Feedback & Improvement
          - id: advocacy
            name: Advocacy & Referral

        # Touchpoints: where customer and organisation meet, or the process steps behind them.
        # lane: customer-action | frontstage | backstage | support | physical-evidence
        # match: which events belong to the touchpoint (the first matching touchpoint wins).
        touchpoints:
          - id: browse
            name: Browse the catalogue
            stage: awareness
            lane: customer-action
            channel: web
            match:
              activity: [View product, Search]        # exact activity names
          - id: order
            name: Place an order
            stage: purchase
            lane: frontstage
            channel: web
            match:
              activity_regex: "Place order( .*)?"     # a .NET regular expression over the whole activity name
              where: event.channel == web             # conditions in the filter syntax (docs/filters.md)

        # The designed flow over touchpoint ids: sequence, choice, parallel, optional, loop [do, redo], repeat; 'skip' is a silent step.
        flow:
          sequence:
            - optional: browse
            - order

        # KPIs with targets, linked to stages and touchpoints.
        kpis:
          - id: time-to-order
            name: First visit to order
            kind: order-cycle-time
            from: browse
            to: order
            target: "<= 2d"
            touchpoints: [browse, order]

        # Time targets: from a touchpoint or stage to another, within a duration (30m, 4h, 3d, 1d12h, 2w).
        time_targets:
          - id: order-within-a-week
            name: Order within a week of the first visit
            from: browse
            to: order
            within: 1w
        """ + "\n";
}
