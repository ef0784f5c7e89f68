using Journeyscope.IO.Journeys;
using Journeyscope.TestSupport;

namespace Journeyscope.IO.Tests.Journeys;

/// <summary>The <c>rules:</c> section: read, written back, and validated with a code, a line and the field.</summary>
public sealed class JourneyRulesYamlTests
{
    /// <summary>The touchpoints cart, checkout and survey in stage buy, the flow cart then checkout, and <c>rules:</c> for the test's rules.</summary>
    private static readonly string Head = RuleSnippets.Journey(
        "shop", "Shop", [RuleSnippets.Touchpoint("cart", "Add to cart"), RuleSnippets.Touchpoint("checkout", "Checkout"), RuleSnippets.Touchpoint("survey", "Survey answered")],
        "cart, checkout", string.Empty);

    [Fact]
    public void Read_FiveKindsOfRules_AreReadValidAndRoundTrip()
    {
        // Given rules of every shape: deadline, instant with where, signals, date, stage reference
        var yaml = Head + """
              - id: abandoned_cart
                name: Abandoned cart
                on: cart
                unless: checkout
                within: 2h
              - id: detractor
                on: survey
                where: score <= 6
              - id: churn
                on: [survey, cart]
                count: 3
                within: 30d
              - id: renewal
                on: cart
                at: contract_end
                before: 30d
                unless: [buy]
            """;

        // When it is read, validated and written back
        var read = JourneyYaml.Parse(yaml);
        var diagnostics = JourneyValidator.Validate(read);
        using var text = new StringWriter();
        JourneyWriter.Write(read.Journey!, text);
        var written = JourneyYaml.Parse(text.ToString());

        // Then
        diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        var rules = read.Journey!.Rules;
        rules.Select(r => r.Id).ShouldBe(["abandoned_cart", "detractor", "churn", "renewal"]);
        rules[0].Within.ShouldBe(TimeSpan.FromHours(2));
        rules[0].Unless.ShouldBe(["checkout"]);
        rules[1].Where.ShouldBe("score <= 6");
        rules[2].Count.ShouldBe(3);
        rules[3].At.ShouldBe("contract_end");
        rules[3].Before.ShouldBe(TimeSpan.FromDays(30));
        static string Describe(Journeyscope.Journeys.JourneyRule r) =>
            $"{r.Id}|{r.Name}|{string.Join(",", r.On)}|{r.Where}|{string.Join(",", r.Unless)}|{r.Within}|{r.At}|{r.Before}|{r.Count}";
        written.Journey!.Rules.Select(Describe).ShouldBe(rules.Select(Describe));
    }

    [Theory]
    [InlineData("on: chekout\n    within: 2h\n    unless: checkout", "JS008", "unknown touchpoint or stage 'chekout'")]
    [InlineData("on: cart\n    unless: checkout", "JS021", "has 'unless' but no deadline")]
    [InlineData("on: cart\n    unless: checkout\n    within: 0h", "JS021", "a window that can never pass")]
    [InlineData("on: cart\n    count: 2", "JS021", "has no 'within'")]
    [InlineData("on: cart\n    where: score <= high", "JS021", "not a number")]
    [InlineData("on: cart\n    unless: cart\n    within: 1h", "JS021", "resolves itself at once")]
    [InlineData("on: cart\n    within: soon", "JS004", "'soon' is not a duration")]
    [InlineData("on: cart\n    wihtin: 2h", "JS003", "did you mean 'within'?")]
    public void Validate_BadRule_ReportsItsCodeLineAndReason(string body, string code, string text)
    {
        var yaml = Head + "  - id: r1\n    " + body + "\n";
        var diagnostics = JourneyValidator.Validate(JourneyYaml.Parse(yaml));
        var hit = diagnostics.FirstOrDefault(d => d.Code == code && (d.Message + " " + d.Hint).Contains(text, StringComparison.Ordinal));
        hit.ShouldNotBeNull(string.Join("\n", diagnostics));
        (hit.Message + " " + hit.Hint).ShouldContain(text);
        hit.Location.Line.ShouldBeGreaterThan(Head.Split('\n').Length - 2, "the diagnostic points into the rules section");
    }
}
