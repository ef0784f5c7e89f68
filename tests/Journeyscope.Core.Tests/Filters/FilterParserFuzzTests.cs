using CsCheck;
using Journeyscope.Filters;

namespace Journeyscope.Core.Tests.Filters;

/// <summary>The filter parser on arbitrary text: it returns a filter or throws <see cref="FilterParseException"/>, nothing else.</summary>
public sealed class FilterParserFuzzTests
{
    /// <summary>Pieces of the grammar and hostile numbers, so random text gets past the first keyword often.</summary>
    private static readonly string[] Tokens =
    [
        "activity", "case.", "event.", "segment", "variants", "top", "coverage", "duration", "time", "contained", "intersecting",
        "started", "completed", "follows", "eventually", "directly", "starts", "ends", "with", "in", "not", "==", "!=", "->", "|",
        "(", ")", ",", "..", "\"", "\\", "%", "NaN", "NaN%", "Infinity", "-Infinity", "∞", "-5%", "0%", "100%", "150%", "1e400",
        "80", "0.5", "3d", "1y", "2024-03-01", "2024-13-45", "9999-12-31T23:59:59Z", "-1", "2147483648", "A", "B", " ", "",
    ];

    private static readonly Gen<string> GenGrammarish =
        Gen.OneOf(Tokens).Array[0, 10].Select(Gen.OneOf(" ", ""), (parts, separator) => string.Join(separator, parts));

    /// <summary>A filter keyword that takes a number, then a grammar piece or a number: reaches the numeric checks often.</summary>
    private static readonly Gen<string> GenNumeric =
        Gen.OneOf("variants coverage ", "variants top ", "duration ", "duration 1d..", "time contained ", "time contained 2024-01-01..")
            .Select(Gen.OneOf(Tokens), Gen.OneOf("", "%", "..", " x"), (keyword, token, suffix) => keyword + token + suffix);

    private static readonly Gen<string> GenText =
        Gen.OneOf(GenGrammarish, GenNumeric, Gen.String, Gen.Char[' ', '~'].Array[0, 40].Select(chars => new string(chars)));

    [Fact]
    public void Parse_AnyText_ReturnsAFilterOrThrowsFilterParseException()
    {
        GenText.Sample(text =>
        {
            try
            {
                FilterParser.Parse(text).ShouldNotBeNull();
            }
            catch (FilterParseException e)
            {
                e.Position.ShouldBeInRange(0, text.Length);
            }
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("variants coverage NaN%", "'NaN%'")]
    [InlineData("variants coverage NaN", "'NaN'")]
    [InlineData("variants coverage Infinity%", "'Infinity%'")]
    [InlineData("variants coverage -Infinity", "'-Infinity'")]
    [InlineData("variants coverage -5%", "'-5%'")]
    [InlineData("variants coverage 0%", "'0%'")]
    [InlineData("variants coverage 100.5%", "'100.5%'")]
    [InlineData("variants coverage 1e400", "'1e400'")]
    public void Parse_CoverageNotAFinitePercentage_NamesTheToken(string text, string token)
    {
        // When a coverage that is not a finite percentage in (0, 100] is parsed (NaN passed: API 500, CLI 134)
        var error = Should.Throw<FilterParseException>(() => FilterParser.Parse(text));

        // Then the error points at the number and names it
        (error.Position + 1).ShouldBe(19);
        error.Expected.ShouldBe("a percentage in (0, 100], such as 80%");
        error.Found.ShouldBe(token);
    }
}
