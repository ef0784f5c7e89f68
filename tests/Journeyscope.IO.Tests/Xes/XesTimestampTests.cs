namespace Journeyscope.IO.Tests.Xes;

public sealed class XesTimestampTests
{
    [Theory]
    [InlineData("2011-10-01T00:38:44.546+02:00", "2011-10-01T00:38:44.5460000+02:00")]
    [InlineData("2011-10-01T00:38:44+02:00", "2011-10-01T00:38:44.0000000+02:00")]
    [InlineData("2011-10-01T00:38:44Z", "2011-10-01T00:38:44.0000000+00:00")]
    [InlineData("2011-10-01T00:38:44", "2011-10-01T00:38:44.0000000+00:00")]
    [InlineData("2011-10-01T00:38:44.1234567-05:30", "2011-10-01T00:38:44.1234567-05:30")]
    [InlineData("2011-10-01T00:38:44.123456789+0100", "2011-10-01T00:38:44.1234567+01:00")]
    [InlineData("2012-02-29T23:59:59.9+14:00", "2012-02-29T23:59:59.9000000+14:00")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000+00:00")]
    public void TryParse_ValidIso8601_MatchesDateTimeOffset(string text, string expected)
    {
        // Given a valid XES timestamp / When it is parsed
        var ok = XesTimestamp.TryParse(text, out var ticks, out var offset);

        // Then the instant and offset equal the BCL's reading of the expected value
        ok.ShouldBeTrue();
        var wanted = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        ticks.ShouldBe(wanted.UtcTicks);
        offset.ShouldBe((short)wanted.Offset.TotalMinutes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a date")]
    [InlineData("2011-13-01T00:00:00Z")]
    [InlineData("2011-02-29T00:00:00Z")]
    [InlineData("2011-10-01T24:00:00Z")]
    [InlineData("2011-10-01T00:00:00.Z")]
    [InlineData("2011-10-01T00:00:00+2:00")]
    [InlineData("2011-10-01T00:00:00+02:00x")]
    [InlineData("2011/10/01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    public void TryParse_Invalid_ReturnsFalse(string text)
    {
        // Given text that is not an ISO 8601 date-time in range / When it is parsed / Then it is refused
        XesTimestamp.TryParse(text, out _, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2011-10-01T00:38:44.546+02:00", "2011-10-01T00:38:44.546+02:00")]
    [InlineData("2011-10-01T00:38:44.1234567-05:30", "2011-10-01T00:38:44.1234567-05:30")]
    [InlineData("2011-10-01T00:38:44Z", "2011-10-01T00:38:44.000+00:00")]
    public void Format_ParsedValue_WritesOffsetAndPrecision(string text, string expected)
    {
        // Given a parsed timestamp
        XesTimestamp.TryParse(text, out var ticks, out var offset).ShouldBeTrue();
        Span<char> buffer = stackalloc char[XesTimestamp.MaxFormattedLength];

        // When it is formatted
        var length = XesTimestamp.Format(ticks, offset, buffer);

        // Then milliseconds are used when exact, otherwise 7 digits, with the original offset
        buffer[..length].ToString().ShouldBe(expected);
    }
}
