using System.Text.Json;
using Journeyscope.TestSupport;

namespace Journeyscope.Cli.Tests;

/// <summary>
/// Hostile journeys, regular expressions and filters through the CLI: each must end with a readable error and exit 1
/// (or 2 for a bad option), never crash the process (exit 134). The inputs that overflowed the stack or ran out of
/// memory run in a child process, so a regression fails the test instead of killing the test host.
/// </summary>
public sealed class HostileInputTests
{
    private const int Deep = 10_000;

    private const string Touchpoints = """
        journey: hostile
        name: Hostile
        touchpoints:
          - id: a
            name: A
            stage: awareness
            lane: customer-action
            match: { activity: Search }

        """;

    private const string Events =
        "case_id,activity,timestamp\n" +
        "c1,Search,2024-03-01T10:00:00Z\n" +
        "c2,Search,2024-03-01T11:00:00Z\n";

    private static string NestedSequences(int levels) => Touchpoints + "flow: " + HostileYaml.NestedFlow("{sequence: [", "]}", levels) + "\n";

    private static string NestedOptionals(int levels) => Touchpoints + "flow: " + HostileYaml.NestedFlow("{optional: ", "}", levels) + "\n";

    private static string AliasBomb() => Touchpoints + "flow: " + HostileYaml.AliasBombFlow() + "\n";

    private static string Workspace(TempFolder temp)
    {
        var workspace = Path.Combine(temp.Path, "ws");
        var import = CliRun.Run("import", temp.File("events.csv", Events), "--workspace", workspace);
        import.ExitCode.ShouldBe(0, import.Error);
        return workspace;
    }

    [Fact]
    public void JourneyValidate_FlowNested10000Deep_ExitsOneWithTheNestingLimit()
    {
        // Given a journey whose flow nests 10,000 sequences (it overflowed the stack: exit 134)
        using var temp = new TempFolder();
        var file = temp.File("deep.yaml", NestedSequences(Deep));

        // When validated in a child process
        var result = CliProcess.Run(null, "journey", "validate", file);

        // Then the reader refuses it at the first level past the cap, with file, line and column
        result.ExitCode.ShouldBe(1, result.Output + result.Error);
        result.Output.ShouldContain("deep.yaml:9:");
        result.Output.ShouldContain("error JS001: the file is nested deeper than 100 levels");
    }

    [Fact]
    public void Conformance_FlowNested10000Deep_ExitsOneWithTheNestingLimit()
    {
        // Given a workspace and a journey whose flow nests 10,000 sequences
        using var temp = new TempFolder();
        var workspace = Workspace(temp);
        var file = temp.File("deep.yaml", NestedSequences(Deep));

        // When conformance is checked against it in a child process
        var result = CliProcess.Run(null, "conformance", "--journey", file, "--workspace", workspace);

        // Then it is bad input with the reader's diagnostic, not a crash
        result.ExitCode.ShouldBe(1, result.Output + result.Error);
        result.Error.ShouldContain("JS001: the file is nested deeper than 100 levels");
    }

    [Fact]
    public void Conformance_Optional10000Deep_ExitsOneWithTheNestingLimit()
    {
        // Given 'optional:' nested 10,000 times (it passed validation, then overflowed the stack in conformance)
        using var temp = new TempFolder();
        var workspace = Workspace(temp);
        var file = temp.File("optional.yaml", NestedOptionals(Deep));

        // When validated and checked, each in a child process
        var validate = CliProcess.Run(null, "journey", "validate", file);
        var conformance = CliProcess.Run(null, "conformance", "--journey", file, "--workspace", workspace, "--format", "json");

        // Then both refuse it as bad input
        validate.ExitCode.ShouldBe(1, validate.Output + validate.Error);
        validate.Output.ShouldContain("error JS001: the file is nested deeper than 100 levels");
        conformance.ExitCode.ShouldBe(1, conformance.Output + conformance.Error);
        conformance.Error.ShouldContain("JS001");
    }

    [Fact]
    public void Conformance_Optional45Deep_StillWorks()
    {
        // Given 'optional:' nested 45 times: deep, but within the cap (each level is one YAML mapping)
        using var temp = new TempFolder();
        var workspace = Workspace(temp);
        var file = temp.File("optional.yaml", NestedOptionals(45));

        // When
        var result = CliRun.Run("conformance", "--journey", file, "--workspace", workspace, "--format", "json");

        // Then both cases fit (each is one Search, and the flow allows one 'a' or nothing)
        result.ExitCode.ShouldBe(0, result.Error);
        JsonDocument.Parse(result.Output).RootElement.GetProperty("fittingCases").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void JourneyValidate_AliasBomb_FailsFastInBoundedMemory()
    {
        // Given a small file whose aliases expand to billions of flow nodes (it took the CLI to 4 GB)
        using var temp = new TempFolder();
        var yaml = AliasBomb();
        yaml.Length.ShouldBeLessThan(1000);
        var file = temp.File("bomb.yaml", yaml);

        // When validated in a child process whose GC heap is capped at 200 MB
        var result = CliProcess.Run(200L << 20, "journey", "validate", file);

        // Then it is refused quickly, within the cap, with the expansion limit
        result.ExitCode.ShouldBe(1, result.Output + result.Error);
        result.Output.ShouldContain("error JS001: the file holds more than 100000 values once its aliases are expanded");
        result.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Conformance_CatastrophicRegex_MatchesWithoutTimeout()
    {
        // Given an activity name that makes (a+)+$ backtrack exponentially, and a touchpoint using that pattern
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        var evil = new string('a', 40) + "!";
        var csv = temp.File("events.csv", $"case_id,activity,timestamp\nc1,{evil},2024-03-01T10:00:00Z\nc2,aaaa,2024-03-01T11:00:00Z\n");
        CliRun.Run("import", csv, "--workspace", workspace).ExitCode.ShouldBe(0);
        var file = temp.File("regex.yaml", Touchpoints.Replace("{ activity: Search }", "{ activity_regex: \"(a+)+$\" }", StringComparison.Ordinal) + "flow: {sequence: [a]}\n");

        // When validated against the log and checked for conformance (the match timed out: exit 134)
        var validate = CliRun.Run("journey", "validate", file, "--workspace", workspace);
        var conformance = CliRun.Run("conformance", "--journey", file, "--workspace", workspace, "--format", "json");

        // Then the pattern matches 'aaaa' in linear time, and c2 fits while c1 (unmapped step, no 'a') does not
        validate.ExitCode.ShouldBe(0, validate.Output + validate.Error);
        validate.Output.ShouldNotContain("JS011");
        conformance.ExitCode.ShouldBe(0, conformance.Error);
        JsonDocument.Parse(conformance.Output).RootElement.GetProperty("fittingCases").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void JourneyValidate_Backreference_ReportsTheUnsupportedConstruct()
    {
        // Given a pattern with a backreference, which needs backtracking
        using var temp = new TempFolder();
        var file = temp.File("regex.yaml", Touchpoints.Replace("{ activity: Search }", "{ activity_regex: \"(a)\\\\1\" }", StringComparison.Ordinal) + "flow: {sequence: [a]}\n");

        // When
        var result = CliRun.Run("journey", "validate", file);

        // Then a JS004 at the match names the construct
        result.ExitCode.ShouldBe(1, result.Output + result.Error);
        result.Output.ShouldContain("regex.yaml:8:12:");
        result.Output.ShouldContain("error JS004: '(a)\\1' is not a valid regular expression: it uses backreference");
    }

    [Theory]
    [InlineData("variants coverage NaN%", "'NaN%'")]
    [InlineData("variants coverage Infinity", "'Infinity'")]
    [InlineData("variants coverage -5%", "'-5%'")]
    [InlineData("variants coverage 150%", "'150%'")]
    public void Variants_NonFiniteCoverageFilter_IsAUsageErrorNamingTheToken(string filter, string token)
    {
        // Given a workspace (the NaN filter reached the variant filter: API 500, CLI 134)
        using var temp = new TempFolder();
        var workspace = Workspace(temp);

        // When
        var result = CliRun.Run("variants", "--filter", filter, "--workspace", workspace);

        // Then
        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        result.Error.ShouldContain("expected a percentage in (0, 100], such as 80%, found " + token);
    }

    [Fact]
    public void Unexpected_AnyException_ExitsOneWithTheMessageAndTheDebugHint()
    {
        // Given an exception no command expects, wrapped as parallel code wraps it
        var error = new StringWriter();
        var exception = new AggregateException(new InvalidOperationException("the model has no final marking"));

        // When the top-level handler reports it
        var code = JourneyscopeCli.Unexpected(exception, error);

        // Then exit 1, the innermost message on one line, and how to see the stack
        code.ShouldBe(1);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("error: the model has no final marking (InvalidOperationException)");
        lines[1].ShouldContain("JOURNEYSCOPE_DEBUG=1");
        error.ToString().ShouldNotContain(" at ");
    }
}
