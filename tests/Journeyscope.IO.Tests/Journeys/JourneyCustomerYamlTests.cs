using Journeyscope.EventLogs;
using Journeyscope.IO.Journeys;

namespace Journeyscope.IO.Tests.Journeys;

/// <summary>The <c>customer:</c> key: the case attribute that identifies the customer, read, written back and checked against a log.</summary>
public sealed class JourneyCustomerYamlTests
{
    private const string Journey = """
        journey: orders
        name: Orders
        customer: case.customer_unique_id
        touchpoints:
          - id: order
            name: Order
            stage: purchase
            lane: frontstage
            match: { activity: Order }
        """;

    [Fact]
    public void Read_CustomerWithCasePrefix_IsTheAttributeNameAndRoundTrips()
    {
        // Given a journey naming its customer attribute in the filter syntax
        // When it is read and written back
        var read = JourneyYaml.Parse(Journey);
        using var text = new StringWriter();
        JourneyWriter.Write(read.Journey!, text);
        var again = JourneyYaml.Parse(text.ToString());

        // Then the attribute is the plain name, at its line, and survives the round trip
        read.Diagnostics.ShouldBeEmpty();
        read.Journey!.Customer!.Attribute.ShouldBe("customer_unique_id");
        read.Journey.Customer.Location.Line.ShouldBe(3);
        again.Journey!.Customer!.Attribute.ShouldBe("customer_unique_id");
    }

    [Theory]
    [InlineData("customer: two words", "'customer' is 'two words', not a case attribute name")]
    [InlineData("customer: [a, b]", "'customer' of the journey must be text")]
    public void Read_CustomerNotAName_JS004(string line, string message)
    {
        var read = JourneyYaml.Parse(Journey.Replace("customer: case.customer_unique_id", line, StringComparison.Ordinal));

        var problem = read.Diagnostics.ShouldHaveSingleItem();
        problem.Code.ShouldBe("JS004");
        problem.Message.ShouldContain(message);
        problem.Location.Line.ShouldBe(3);
    }

    [Fact]
    public void Validate_CustomerTheLogLacks_JS022WithDidYouMean()
    {
        // Given a log whose cases carry 'customer_unique_id', and a journey naming 'customer_uniq_id'
        var builder = new EventLogBuilder();
        builder.AddEvent("o1", "Order", DateTimeOffset.Parse("2024-01-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        builder.SetCaseAttribute("o1", "customer_unique_id", AttributeValue.FromString("c1"));
        var log = builder.Build();
        var read = JourneyYaml.Parse(Journey.Replace("case.customer_unique_id", "customer_uniq_id", StringComparison.Ordinal));

        // When it is validated against the log, and the right name too
        var diagnostics = JourneyValidator.Validate(read, log);
        var fine = JourneyValidator.Validate(JourneyYaml.Parse(Journey), log);

        // Then the wrong name is a JS022 error at its line with a did-you-mean; the right one passes
        var problem = diagnostics.Single(d => d.Code == "JS022");
        problem.IsError.ShouldBeTrue();
        problem.Location.Line.ShouldBe(3);
        problem.Message.ShouldBe("the customer attribute 'customer_uniq_id' is not a case attribute of the log");
        problem.Hint.ShouldBe("did you mean 'customer_unique_id'?");
        fine.ShouldNotContain(d => d.Code == "JS022");
    }
}
