using System.Text;
using Journeyscope.IO.Simulation;

namespace Journeyscope.IO.Tests.Simulation;

/// <summary>Hostile scenario files get the same parse-time caps as journeys: nesting depth and alias expansion.</summary>
public sealed class ScenarioYamlLimitsTests
{
    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    [Fact]
    public void Read_Nested10000Deep_ThrowsImportExceptionWithTheLimit()
    {
        // Given a scenario whose weights nest 10,000 lists deep
        var yaml = "scenario: deep\narrivals:\n  weekday_weights: " + Repeat("[", 10_000) + Repeat("]", 10_000) + "\n";

        // When read
        var error = Should.Throw<ImportException>(() => ScenarioYaml.Read(new StringReader(yaml), "deep.yaml"));

        // Then the file, the line and the limit are named
        error.Message.ShouldContain("deep.yaml");
        error.Line.ShouldBe(3);
        error.Message.ShouldContain("the file is nested deeper than 100 levels");
    }

    [Fact]
    public void Read_AliasBomb_ThrowsImportExceptionWithTheLimit()
    {
        // Given lists that each hold nine copies of the one before
        var builder = new StringBuilder("x0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1]\n");
        for (var i = 1; i <= 9; i++)
        {
            builder.Append($"x{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))).Append("]\n");
        }

        // When
        var error = Should.Throw<ImportException>(() => ScenarioYaml.Read(new StringReader(builder.ToString()), "bomb.yaml"));

        // Then
        error.Message.ShouldContain("the file holds more than 100000 values once its aliases are expanded");
    }
}
