using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.Erasure;
using Journeyscope.Storage.Erasure;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope erase</c>: removes one customer from a workspace, everywhere (docs/erasure.md), and prints the receipt.
/// </summary>
internal static class EraseCommand
{
    public static Command Create(CliContext context)
    {
        var customer = new Option<string>("--customer")
        {
            Description = "The customer's id (or any id merged into it: an anonymous id erases the customer it belongs to). Example: --customer cust-42",
            Required = true,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what would be removed; change nothing." };
        var command = new Command("erase",
            "Erases a customer (GDPR Art. 17): their events, cases, objects, quarantined lines and identity merges, with every id merged " +
            "into them; rewrites the database file so no deleted byte remains; refuses their later events; then scans every file of the " +
            "workspace for their ids and values. Exit code 3 when the scan still finds a copy. Stop the server using the workspace first.\n" +
            "Example:\n  journeyscope erase --workspace ./shop --customer cust-42 --dry-run")
        {
            customer, dryRun,
        };
        command.SetAction(parse =>
        {
            var id = parse.GetRequiredValue(customer);
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new UsageException("--customer needs the customer's id, for example --customer cust-42.");
            }

            var folder = parse.GetRequiredValue(context.Workspace);
            var receipt = CustomerErasure.Erase(folder, id, new ErasureOptions { DryRun = parse.GetValue(dryRun) });
            var report = new Report { Json = receipt };
            report.Add(Removed(receipt));
            if (receipt.Verification is { } verification)
            {
                report.Add(new Table("Verification", "Files", "Bytes", "Searched for", "Found in files", "Found in database rows", "Too short to search")
                    .Add(verification.FilesScanned, verification.BytesScanned, verification.Needles, verification.Occurrences, verification.DatabaseRows,
                        verification.Unverifiable));
                if (verification.Findings.Count > 0)
                {
                    var findings = new Table("Copies found", "File", "What", "Occurrences");
                    foreach (var finding in verification.Findings)
                    {
                        findings.Add(finding.File, finding.Needle, finding.Occurrences);
                    }

                    report.Add(findings);
                }
            }

            report.Write(context.GetFormat(parse), context.Output);
            if (receipt.RowsRemoved == 0)
            {
                context.Error.WriteLine(receipt.DryRun
                    ? "No stored row names this id."
                    : "No stored row named this id; it is on the suppression list now, so later events for it are refused.");
            }

            if (!receipt.Succeeded)
            {
                context.Error.WriteLine("The erasure is incomplete: the scan found copies (see the table). Remove them, then run the erasure again.");
                return ExitCodes.Incomplete;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Table Removed(ErasureReceipt receipt)
    {
        var table = new Table(receipt.DryRun ? "Would remove (dry run)" : "Removed", "Table", "Rows");
        foreach (var rows in receipt.Removed)
        {
            table.Add(rows.Table, rows.Rows);
        }

        table.Add("ids erased", receipt.IdsErased);
        return table;
    }
}
