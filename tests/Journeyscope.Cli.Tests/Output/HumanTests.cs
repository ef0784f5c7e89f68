using System.Text.Json;
using Journeyscope.Cli.Output;

namespace Journeyscope.Cli.Tests.Output;

public sealed class HumanTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(0.25, "0.25s")]
    [InlineData(12, "12s")]
    [InlineData(250, "4m 10s")]
    [InlineData(3600, "1h")]
    [InlineData(7500, "2h 5m")]
    [InlineData(273_600, "3d 4h")]
    [InlineData(86_400 * 400, "400d")]
    [InlineData(-90, "-1m 30s")]
    public void FormatDuration_Seconds_TwoLargestUnits(double seconds, string expected)
    {
        // Given a duration in seconds; When it is formatted for people; Then it shows its two largest units
        Human.FormatDuration(seconds).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0.497, "49.7 %")]
    [InlineData(1.0, "100.0 %")]
    [InlineData(0.0, "0.0 %")]
    public void FormatShare_Fraction_PercentWithOneDecimal(double fraction, string expected)
    {
        // Given a fraction; When it is formatted for people; Then it is a percentage with one decimal
        Human.FormatShare(fraction).ShouldBe(expected);
    }

    [Fact]
    public void Table_DurationAndShareCells_PeopleSeeUnitsScriptsSeeNumbers()
    {
        // Given a table with a duration in hours and a share
        var table = new Table("T", "Name", "Mean (h)", "Share").Add("a", Human.Duration(76, DurationUnit.Hours), Human.Share(0.497));

        // When it is written for people, as CSV and as JSON objects
        var text = new StringWriter();
        table.WriteText(text);
        var csv = new StringWriter();
        table.WriteCsv(csv);
        var json = JsonSerializer.Serialize(table.ToObjects());

        // Then people read "3d 4h" and "49.7 %" under a header without the unit, scripts keep the numbers and the header
        text.ToString().ShouldContain("3d 4h");
        text.ToString().ShouldContain("49.7 %");
        text.ToString().ShouldNotContain("(h)");
        csv.ToString().ShouldBe("Name,Mean (h),Share" + Environment.NewLine + "a,76,0.497" + Environment.NewLine);
        json.ShouldBe("[{\"name\":\"a\",\"meanH\":76,\"share\":0.497}]");
    }
}
