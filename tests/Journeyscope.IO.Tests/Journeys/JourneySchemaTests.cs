using System.Text.Json;
using Journeyscope.IO.Journeys;

namespace Journeyscope.IO.Tests.Journeys;

public sealed class JourneySchemaTests
{
    public static TheoryData<string, string> Sections => new()
    {
        { "root", string.Join(",", JourneyKeys.Root) },
        { "persona", string.Join(",", JourneyKeys.Persona) },
        { "stage", string.Join(",", JourneyKeys.Stage) },
        { "touchpoint", string.Join(",", JourneyKeys.Touchpoint) },
        { "match", string.Join(",", JourneyKeys.Match) },
        { "kpi", string.Join(",", JourneyKeys.Kpi) },
        { "critical_success_factor", string.Join(",", JourneyKeys.CriticalSuccessFactor) },
        { "time_target", string.Join(",", JourneyKeys.TimeTarget) },
        { "rule", string.Join(",", JourneyKeys.Rule) },
        { "flow", string.Join(",", JourneyKeys.FlowOperators) },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Schema_EverySection_ListsExactlyTheKeysTheReaderAccepts(string section, string readerKeys)
    {
        // Given the published schema
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(JourneyText.RepoRoot(), "docs", "schemas", "journey.schema.json")));
        var root = schema.RootElement;
        root.GetProperty("$schema").GetString().ShouldBe("https://json-schema.org/draft/2020-12/schema");

        // When the section's properties are listed
        var node = section switch
        {
            "root" => root,
            "flow" => root.GetProperty("$defs").GetProperty("flow").GetProperty("oneOf")[1],
            _ => root.GetProperty("$defs").GetProperty(section),
        };
        var keys = node.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

        // Then they are the reader's keys, no more and no fewer
        keys.ShouldBe(readerKeys.Split(',').Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schema_RequiredKeysAndLanes_MatchTheReader()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(JourneyText.RepoRoot(), "docs", "schemas", "journey.schema.json")));
        var defs = schema.RootElement.GetProperty("$defs");
        Required(schema.RootElement).ShouldBe(JourneyKeys.RootRequired);
        Required(defs.GetProperty("touchpoint")).ShouldBe(JourneyKeys.TouchpointRequired);
        Required(defs.GetProperty("time_target")).ShouldBe(JourneyKeys.TimeTargetRequired);
        Required(defs.GetProperty("kpi")).ShouldBe(JourneyKeys.KpiRequired);
        defs.GetProperty("touchpoint").GetProperty("properties").GetProperty("lane").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).ShouldBe(JourneyKeys.Lanes);
    }

    private static string?[] Required(JsonElement node) => node.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToArray();
}
