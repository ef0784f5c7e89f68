using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.Discovery;
using Journeyscope.IO.Journeys;
using Journeyscope.Storage;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope info</c>: what the workspace holds.</summary>
internal static class InfoCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("info",
            "What the workspace holds: cases, events, activities, variants, time range, attributes with types and cardinality, " +
            "imports and quarantine. Variants are counted on the log in --time-basis (the order of a case's events depends on it).\n" +
            "Example: journeyscope info --workspace ./receipt --format json");
        command.SetAction(parse =>
        {
            using var workspace = Workspace.Open(parse.GetRequiredValue(context.Workspace), create: false);
            var info = workspace.GetInfo();
            var basis = context.GetTimeBasis(parse);
            var variants = VariantSet.Discover(workspace.LoadEventLog().ToTimeBasis(basis)).Variants.Count;
            var report = new Report();
            report.Add(new Table("Workspace", "Folder", "Version", "Cases", "Events", "Activities", "Variants", "First event", "Last event", "Quarantined")
                .Add(workspace.Folder, info.Version, info.CaseCount, info.EventCount, info.ActivityCount, variants,
                    info.FirstTimestamp, info.LastTimestamp, info.QuarantineCount));
            var attributes = new Table("Attributes", "Scope", "Name", "Type", "Distinct", "Missing");
            foreach (var a in info.Attributes)
            {
                attributes.Add(a.Scope.ToString().ToLowerInvariant(), a.Name, a.Type.ToString().ToLowerInvariant(), a.DistinctCount, a.NullCount);
            }

            report.Add(attributes);
            var imports = new Table("Imports", "Id", "Source", "Format", "Read", "Imported", "Quarantined", "Added", "Duplicates", "At");
            foreach (var i in info.Imports)
            {
                imports.Add(i.Id, i.Source, i.Format, i.RecordsRead, i.RecordsImported, i.RecordsQuarantined, i.EventsAdded, i.DuplicatesSkipped, i.ImportedAt);
            }

            report.Add(imports);
            if (info.QuarantineCount > 0)
            {
                var reasons = new Table("Top quarantine reasons", "Reason", "Records");
                foreach (var r in info.TopQuarantineReasons)
                {
                    reasons.Add(r.Key, r.Count);
                }

                report.Add(reasons);
            }

            report.Json = WorkspaceDetails.From(Path.GetFileName(Path.TrimEndingDirectorySeparator(workspace.Folder)), info, basis, variants,
                JourneyRepository.Ids(workspace.JourneysFolder));
            report.Write(context.GetFormat(parse), context.Output);
            return ExitCodes.Success;
        });
        return command;
    }
}
