using CsCheck;
using Journeyscope.EventLogs;

namespace Journeyscope.Core.Tests.EventLogs;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("30m", "30m", 0, 0, 30, 0)]
    [InlineData("4h", "4h", 0, 4, 0, 0)]
    [InlineData("3d", "3d", 3, 0, 0, 0)]
    [InlineData("1d12h", "1d12h", 1, 12, 0, 0)]
    [InlineData("2w", "2w", 14, 0, 0, 0)]
    [InlineData("1w2d3h4m", "1w2d3h4m", 9, 3, 4, 0)]
    [InlineData("1.5h", "1h30m", 0, 1, 30, 0)]
    [InlineData("90s", "1m30s", 0, 0, 1, 30)]
    [InlineData("15min", "15m", 0, 0, 15, 0)]
    [InlineData("2H", "2h", 0, 2, 0, 0)]
    [InlineData(" 3d ", "3d", 3, 0, 0, 0)]
    public void Parse_Text_GivesValueAndShortestTextBack(string text, string shortest, int days, int hours, int minutes, int seconds)
    {
        // Given a duration text
        // When it is parsed and formatted
        DurationText.TryParse(text, out var duration).ShouldBeTrue();

        // Then the value is right and formats to the shortest text
        duration.ShouldBe(new TimeSpan(days, hours, minutes, seconds));
        DurationText.Format(duration).ShouldBe(shortest);
    }

    [Fact]
    public void Parse_Milliseconds_AreExact()
    {
        // Given sub-second durations
        // When parsed and formatted
        // Then they keep their exact value
        DurationText.Parse("250ms").ShouldBe(TimeSpan.FromMilliseconds(250));
        DurationText.Format(TimeSpan.FromMilliseconds(250)).ShouldBe("0.25s");
        DurationText.Format(TimeSpan.FromTicks(15)).ShouldBe("0.0000015s");
        DurationText.Format(TimeSpan.Zero).ShouldBe("0s");
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("3 days")]
    [InlineData("h")]
    [InlineData("3h2d")]
    [InlineData("1d1d")]
    [InlineData("30m1h")]
    [InlineData("-3d")]
    [InlineData("3x")]
    [InlineData("1..5h")]
    public void Parse_BadText_IsRejected(string text)
    {
        // Given text that is not a duration
        // When it is parsed
        // Then it is refused, and Parse names what was expected
        DurationText.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => DurationText.Parse(text)).Message.ShouldContain("90s, 15m, 1.5h");
    }

    [Fact]
    public void Format_AnyDuration_ParsesBackToTheSameValue() =>
        // Given any non-negative duration, when it is formatted and parsed again, then the value is the same
        Gen.Long[0, TimeSpan.TicksPerDay * 3650].Sample(ticks =>
            DurationText.Parse(DurationText.Format(TimeSpan.FromTicks(ticks))).Ticks == ticks);

    [Theory]
    [InlineData(259200, "3d")]
    [InlineData(129600, "1d12h")]
    [InlineData(9000, "2h30m")]
    [InlineData(12.5, "12.5s")]
    public void FormatApproximate_Seconds_UsesAtMostTwoUnits(double seconds, string expected) =>
        // Given seconds, when formatted for people, then at most the two largest units are written
        DurationText.FormatApproximate(seconds).ShouldBe(expected);
}
