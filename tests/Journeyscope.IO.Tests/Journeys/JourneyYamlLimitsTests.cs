using System.Text;
using Journeyscope.IO.Journeys;
using Journeyscope.TestSupport;

namespace Journeyscope.IO.Tests.Journeys;

/// <summary>Hostile journey files: nesting and alias expansion are capped while parsing, before any tree is built.</summary>
public sealed class JourneyYamlLimitsTests
{
    private const string Touchpoint = """
        journey: limits
        name: Limits
        touchpoints:
          - id: a
            name: A
            stage: awareness
            lane: customer-action
            match: { activity: Search }

        """;

    [Theory]
    [InlineData("{sequence: [", "]}", 606)]
    [InlineData("{optional: ", "}", 1096)]
    [InlineData("[", "]", 106)]
    public void Parse_Nested10000Deep_ReportsTheLimitAtTheFirstLevelPastIt(string open, string close, int column)
    {
        // Given a flow nested 10,000 levels in flow style (one line)
        var yaml = Touchpoint + "flow: " + HostileYaml.NestedFlow(open, close, 10_000) + "\n";

        // When read (this overflowed the stack before the cap)
        var result = JourneyYaml.Parse(yaml, "deep.yaml");

        // Then one JS001 on line 9, at the 100th opening bracket (level 101: the root mapping is level 1)
        result.Journey.ShouldBeNull();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("JS001");
        diagnostic.Message.ShouldBe("the file is nested deeper than 100 levels");
        diagnostic.Location.Line.ShouldBe(9);
        diagnostic.Location.Column.ShouldBe(column);
    }

    [Fact]
    public void Parse_BlockStyleNestedDeep_IsRefusedToo()
    {
        // Given 'optional:' nested 150 levels in block style, one level of indentation per line
        var builder = new StringBuilder(Touchpoint).Append("flow:\n");
        for (var level = 1; level <= 150; level++)
        {
            builder.Append(' ', 2 * level).Append("optional:\n");
        }

        builder.Append(' ', 302).Append("a\n");

        // When
        var result = JourneyYaml.Parse(builder.ToString());

        // Then
        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe("the file is nested deeper than 100 levels");
    }

    [Fact]
    public void Parse_Nested98Deep_IsRead()
    {
        // Given 'optional:' nested 98 times under the root mapping: 99 levels, within the cap
        var yaml = Touchpoint + "flow: " + HostileYaml.NestedFlow("{optional: ", "}", 98) + "\n";

        // When
        var result = JourneyYaml.Parse(yaml);

        // Then the flow is a chain of 98 choices
        result.Diagnostics.ShouldBeEmpty();
        var node = result.Journey.ShouldNotBeNull().Flow.ShouldNotBeNull();
        var depth = 0;
        while (node.Children.Count > 0)
        {
            node = node.Children[0];
            depth++;
        }

        depth.ShouldBe(98);
    }

    [Fact]
    public void Parse_AliasBomb_IsRefusedWithoutExpanding()
    {
        // Given anchors that each hold nine copies of the one before: 9^10 leaves once expanded, in under 1 KB
        var yaml = Touchpoint + "flow: " + HostileYaml.AliasBombFlow() + "\n";
        var before = GC.GetAllocatedBytesForCurrentThread();

        // When
        var result = JourneyYaml.Parse(yaml);

        // Then it is refused, having allocated a few megabytes at most (it took gigabytes)
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        result.Journey.ShouldBeNull();
        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe("the file holds more than 100000 values once its aliases are expanded");
        allocated.ShouldBeLessThan(20L << 20);
    }

    [Fact]
    public void Parse_AliasTooDeepOnceExpanded_IsRefused()
    {
        // Given an anchor 60 levels deep aliased 60 levels down: each alone is within the cap, together 120 levels
        var anchored = "&deep " + HostileYaml.NestedFlow("{optional: ", "}", 59);
        var yaml = Touchpoint + "x_anchor: " + anchored + "\nflow: " + HostileYaml.Repeat("{optional: ", 60) + "*deep" + HostileYaml.Repeat("}", 60) + "\n";

        // When
        var result = JourneyYaml.Parse(yaml);

        // Then
        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe("the alias '*deep' nests the file deeper than 100 levels");
    }

    [Fact]
    public void Parse_SmallAliases_AreStillAllowed()
    {
        // Given a journey that reuses one match rule through an anchor
        const string yaml = """
            journey: reuse
            name: Reuse
            touchpoints:
              - id: a
                name: A
                stage: awareness
                lane: customer-action
                match: &search { activity: Search }
              - id: b
                name: B
                stage: awareness
                lane: customer-action
                match: *search
            flow: { sequence: [a, b] }
            """;

        // When
        var result = JourneyYaml.Parse(yaml);

        // Then both touchpoints have the rule
        result.Diagnostics.ShouldBeEmpty();
        result.Journey.ShouldNotBeNull().Touchpoints.Select(t => t.Rule.Activities.Single()).ShouldBe(["Search", "Search"]);
    }
}
