using System.Text.Json;
using Journeyscope.TestSupport;

namespace Journeyscope.Cli.Tests;

/// <summary>
/// The sample journeys on their real logs, the way a user runs them: import the log, validate the journey, compute its
/// KPIs. Their custom KPIs use <c>touchpoint(id)</c> and <c>stage(id)</c>, which journey validation (JS014) and the KPI
/// engine both accept because both use the same parser.
/// </summary>
public sealed class SampleKpiCommandTests
{
    // Expected shares counted by hand from the logs: receipt, 1,250 of 1,434 cases have an online application;
    // helpdesk, 1,236 of 4,580 tickets have a Wait event.
    [Theory]
    [InlineData("receipt", "online-share", 1250.0 / 1434)]
    [InlineData("helpdesk", "wait-share", 1236.0 / 4580)]
    public void Kpi_SampleJourneyOnItsLog_ValidatesAndComputesEveryKpi(string sample, string customKpi, double expected)
    {
        // Given a workspace holding the sample's real log
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        var import = CliRun.Run("import", SharedData.Path($"logs/{sample}.xes.gz"), "--workspace", workspace);
        import.ExitCode.ShouldBe(0, import.Error);
        var journey = SampleJourney(sample);

        // When the journey is validated and its KPIs are computed
        var validate = CliRun.Run("journey", "validate", journey, "--workspace", workspace);
        var kpi = CliRun.Run("kpi", "--journey", journey, "--workspace", workspace, "--format", "json");

        // Then validation finds nothing, and every KPI has a value
        validate.ExitCode.ShouldBe(0, validate.Output + validate.Error);
        validate.Output.ShouldContain("1 journey file: 0 errors, 0 warnings");
        kpi.ExitCode.ShouldBe(0, kpi.Output + kpi.Error);
        using var json = JsonDocument.Parse(kpi.Output);
        var values = json.RootElement.GetProperty("kpis").EnumerateArray()
            .ToDictionary(k => k.GetProperty("id").GetString()!, k => k.GetProperty("value"));
        values.Values.ShouldAllBe(v => v.ValueKind == JsonValueKind.Number);
        var value = values[customKpi].GetDouble();
        value.ShouldBe(expected, 1e-9);
    }

    [Fact]
    public void Validate_ExpressionWithAMistypedTouchpoint_ReportsJs014AtItsLineAndColumn()
    {
        // Given the receipt sample with a typo in the touchpoint of its online-share expression (line 158)
        using var temp = new TempFolder();
        var text = File.ReadAllText(SampleJourney("receipt"))
            .Replace("touchpoint(apply-online)", "touchpoint(apply-onlin)", StringComparison.Ordinal);
        var journey = temp.File("receipt.yaml", text);
        var line = LineOf(text, "touchpoint(apply-onlin)");
        var column = text.Split('\n')[line - 1].IndexOf("apply-onlin", StringComparison.Ordinal) + 1;

        // When it is validated
        var result = CliRun.Run("journey", "validate", journey);

        // Then JS014 points at the touchpoint's name and suggests the right one
        result.ExitCode.ShouldBe(1);
        line.ShouldBe(158);
        result.Output.ShouldContain(
            $"receipt.yaml:{line}:{column}: error JS014: KPI 'online-share': the expression is not valid: the journey has no touchpoint 'apply-onlin'\n" +
            "  hint: did you mean 'apply-online'?");
    }

    [Fact]
    public void Validate_ExpressionWithAnUnknownFunctionAndStage_ReportsEachAtItsColumn()
    {
        // Given the helpdesk sample with a misspelt function, and the receipt sample with an unknown stage
        using var temp = new TempFolder();
        var helpdesk = File.ReadAllText(SampleJourney("helpdesk"))
            .Replace("\"count(cases where touchpoint(wait)) / count(cases)\"", "'cuont(cases where touchpoint(wait)) / count(cases)'", StringComparison.Ordinal);
        var receipt = File.ReadAllText(SampleJourney("receipt"))
            .Replace("stage(exceptions)", "stage(exception)", StringComparison.Ordinal);
        var helpdeskFile = temp.File("helpdesk.yaml", helpdesk);
        var receiptFile = temp.File("receipt.yaml", receipt);

        // When both are validated
        var result = CliRun.Run("journey", "validate", helpdeskFile, receiptFile);

        // Then each problem is at the column of the name, with its suggestion, and the command fails
        result.ExitCode.ShouldBe(1);
        var helpdeskLine = LineOf(helpdesk, "cuont(");
        var helpdeskColumn = helpdesk.Split('\n')[helpdeskLine - 1].IndexOf("cuont", StringComparison.Ordinal) + 1;
        result.Output.ShouldContain(
            $"helpdesk.yaml:{helpdeskLine}:{helpdeskColumn}: error JS014: KPI 'wait-share': the expression is not valid: unknown function 'cuont' (use count, sum, avg, min, max, percentile or ratio)\n" +
            "  hint: did you mean 'count'?");
        var receiptLine = LineOf(receipt, "stage(exception)");
        var receiptColumn = receipt.Split('\n')[receiptLine - 1].IndexOf("exception)", StringComparison.Ordinal) + 1;
        result.Output.ShouldContain(
            $"receipt.yaml:{receiptLine}:{receiptColumn}: error JS014: KPI 'exception-share': the expression is not valid: the journey has no stage 'exception'\n" +
            "  hint: did you mean 'exceptions'?");
    }

    [Fact]
    public void Kpi_ExpressionWithAnUnknownTouchpoint_FailsWithTheJs014Diagnostic()
    {
        // Given a workspace with the helpdesk log and the sample with a touchpoint that does not exist
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", SharedData.Path("logs/helpdesk.xes.gz"), "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("helpdesk.yaml", File.ReadAllText(SampleJourney("helpdesk"))
            .Replace("touchpoint(wait)", "touchpoint(wiat)", StringComparison.Ordinal));

        // When the KPIs are computed
        var result = CliRun.Run("kpi", "--journey", journey, "--workspace", workspace);

        // Then the command exits 1 with the JS014 diagnostic, which names the touchpoint and suggests the right one
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("helpdesk.yaml:111:47: error JS014: KPI 'wait-share': the expression is not valid: the journey has no touchpoint 'wiat'");
        result.Error.ShouldContain("did you mean 'wait'?");
    }

    private static string SampleJourney(string sample)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Journeyscope.slnx")))
            {
                return Path.Combine(dir.FullName, "samples", sample, "journeys", sample + ".yaml");
            }
        }

        throw new InvalidOperationException("Journeyscope.slnx not found above the test binaries.");
    }

    private static int LineOf(string text, string fragment) =>
        text[..text.IndexOf(fragment, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
