using System.Text.Json;

namespace Journeyscope.Cli.Tests;

public sealed class JourneyCommandTests
{
    [Fact]
    public void Init_ThenValidate_TemplateHasNoProblem()
    {
        // Given an empty workspace folder
        using var temp = new TempFolder();

        // When a template is written and validated (the default: every file in journeys/)
        var init = CliRun.Run("journey", "init", "--name", "Retail purchase", "--workspace", temp.Path);
        var validate = CliRun.Run("journey", "validate", "--workspace", temp.Path);

        // Then the template is in journeys/, named after the journey, and validates without errors or warnings
        init.ExitCode.ShouldBe(0);
        var file = Path.Combine(temp.Path, "journeys", "retail-purchase.yaml");
        File.Exists(file).ShouldBeTrue();
        File.ReadAllText(file).ShouldContain("journey: retail-purchase");
        validate.ExitCode.ShouldBe(0, validate.Output + validate.Error);
        validate.Output.ShouldBe("1 journey file: 0 errors, 0 warnings (no workspace log: rule matches not checked).\n");
    }

    [Fact]
    public void Init_ExistingFile_RefusesWithoutForce()
    {
        using var temp = new TempFolder();
        var path = temp.File("j.yaml", "keep me");
        var result = CliRun.Run("journey", "init", "--out", path);
        result.ExitCode.ShouldBe(2);
        File.ReadAllText(path).ShouldBe("keep me");
    }

    [Fact]
    public void Validate_BrokenFile_PrintsEveryProblemAndExitsOne()
    {
        // Given a journey with a misspelt key and an unknown touchpoint in the flow
        using var temp = new TempFolder();
        var path = temp.File("shop.yaml", """
            journey: shop
            name: Shop
            touchpoints:
              - id: order
                name: Order
                stage: purchase
                lane: frontstage
                mach: { activity: Order }
            flow: { sequence: [order, pay] }
            """);

        // When validated
        var result = CliRun.Run("journey", "validate", path, "--workspace", temp.Path);

        // Then each problem is printed compiler-style with its hint, and the exit code is 1
        result.ExitCode.ShouldBe(1);
        result.Output.ShouldBe(
            $"{path}:4:5: error JS002: Touchpoint 'order' has no 'match'\n  hint: add the required key 'match'\n" +
            $"{path}:8:5: error JS003: unknown key 'mach' in touchpoint 'order'\n  hint: did you mean 'match'?\n" +
            $"{path}:9:27: error JS006: the flow names unknown touchpoint 'pay'\n  hint: define a touchpoint with this id, or write 'skip' for a silent step\n" +
            "1 journey file: 3 errors, 0 warnings (no workspace log: rule matches not checked).\n");
    }

    [Fact]
    public void Validate_Json_HasStableKeys()
    {
        using var temp = new TempFolder();
        var path = temp.File("shop.yaml", "journey: shop\nname: Shop\ntouchpoints: []\n");
        var result = CliRun.Run("journey", "validate", path, "--format", "json");
        result.ExitCode.ShouldBe(1);
        using var json = JsonDocument.Parse(result.Output);
        var first = json.RootElement.GetProperty("diagnostics")[0];
        first.GetProperty("code").GetString().ShouldBe("JS004");
        first.GetProperty("line").GetInt32().ShouldBe(3);
        first.GetProperty("message").GetString().ShouldBe("'touchpoints' of the journey is empty");
        json.RootElement.GetProperty("errors").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void Validate_NoJourneysFolder_ExitsOneWithAdvice()
    {
        using var temp = new TempFolder();
        var result = CliRun.Run("journey", "validate", "--workspace", temp.Path);
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("journeyscope journey init");
    }

    [Fact]
    public void Show_Template_ListsTouchpointsFlowAndKpis()
    {
        // Given the template
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "j.yaml");
        CliRun.Run("journey", "init", "--out", path).ExitCode.ShouldBe(0);

        // When shown as a table and as JSON
        var table = CliRun.Run("journey", "show", path);
        var json = CliRun.Run("journey", "show", path, "--format", "json");

        // Then the touchpoints with lane, channel and rule, the flow in PM4Py notation and the KPI are there
        table.ExitCode.ShouldBe(0);
        table.Output.ShouldContain("Flow: ->( X( 'browse', tau ), 'order' )");
        table.Output.ShouldContain("regex: Place order( .*)?; where: event.channel == web");
        using var doc = JsonDocument.Parse(json.Output);
        doc.RootElement.GetProperty("touchpoints")[1].GetProperty("lane").GetString().ShouldBe("frontstage");
        doc.RootElement.GetProperty("kpis")[0].GetProperty("target").GetString().ShouldBe("<= 2d");
        doc.RootElement.GetProperty("time_targets")[0].GetProperty("within_seconds").GetDouble().ShouldBe(7 * 86400);
        doc.RootElement.GetProperty("stages").GetArrayLength().ShouldBe(8);
    }

    [Fact]
    public void Show_InvalidFile_ExitsOneWithDiagnosticsOnStderr()
    {
        using var temp = new TempFolder();
        var path = temp.File("bad.yaml", "journey: [\n");
        var result = CliRun.Run("journey", "show", path);
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("error JS001: the file is not valid YAML");
    }
}
