using Journeyscope.IO.Journeys;
using Journeyscope.IO.Simulation;
using Journeyscope.Simulation;

namespace Journeyscope.IO.Tests.Simulation;

public sealed class ScenarioYamlTests
{
    private static Scenario Parse(string yaml) => ScenarioYaml.Read(new StringReader(yaml), "scenario.yaml");

    [Fact]
    public void Read_RetailSample_EqualsBuiltInDefaultKnobs()
    {
        // Given the sample scenario, which spells out every knob with the built-in default values
        // When it is read
        var scenario = ScenarioYaml.Read(Path.Combine(RetailSample.Folder, "scenario.yaml"));

        // Then every knob equals the default
        var d = Scenario.Default;
        scenario.Name.ShouldBe("retail");
        scenario.Start.ShouldBe(d.Start);
        scenario.WeekdayWeights.ShouldBe(d.WeekdayWeights);
        scenario.HourWeights.ShouldBe(d.HourWeights);
        scenario.AcquisitionChannels.ShouldBe(d.AcquisitionChannels);
        scenario.Devices.ShouldBe(d.Devices);
        scenario.Problems.ShouldBe(d.Problems);
        (scenario with
        {
            WeekdayWeights = d.WeekdayWeights,
            HourWeights = d.HourWeights,
            Regions = d.Regions,
            Devices = d.Devices,
            AcquisitionChannels = d.AcquisitionChannels,
            ProductLines = d.ProductLines,
            Touchpoints = d.Touchpoints,
            StageDropOuts = d.StageDropOuts,
            LaneDelays = d.LaneDelays,
        }).ShouldBe(d);
        scenario.Touchpoints.OrderBy(k => k.Key, StringComparer.Ordinal).ShouldBe(d.Touchpoints.OrderBy(k => k.Key, StringComparer.Ordinal));
        scenario.LaneDelays.OrderBy(k => k.Key).ShouldBe(d.LaneDelays.OrderBy(k => k.Key));
        scenario.StageDropOuts.ShouldBeEmpty();
    }

    [Fact]
    public void Read_ProblemSwitchesAndOptions_SetsThem()
    {
        // Given a scenario switching problems and listing options with and without costs
        var yaml = """
            months: 2
            customers_mix:
              devices: { desktop: 1, android-app: 3 }
              acquisition_channels:
                search: { weight: 2, cost: 7.5 }
            problems:
              payment_retries: { enabled: false }
              drift: { enabled: true, activity: Check stock, at: 0.25 }
            """;

        // When it is read
        var scenario = Parse(yaml);

        // Then the knobs are set and the rest keep their defaults
        scenario.Months.ShouldBe(2);
        scenario.Devices.ShouldBe([new WeightedOption("desktop", 1), new WeightedOption("android-app", 3)]);
        scenario.AcquisitionChannels.ShouldBe([new WeightedOption("search", 2, 7.5)]);
        scenario.Problems.PaymentRetries.ShouldBeFalse();
        scenario.Problems.DriftActivity.ShouldBe("Check stock");
        scenario.Problems.DriftAt.ShouldBe(0.25);
        scenario.Problems.MondayBacklog.ShouldBe(Scenario.Default.Problems.MondayBacklog);
        scenario.Touchpoints["checkout"].ShouldBe(Scenario.Default.Touchpoints["checkout"]);
    }

    [Theory]
    [InlineData("months: 3\nfunel:\n  payment_failure: 0.1\n", 2, "funel", "unknown key (did you mean 'funnel'?)")]
    [InlineData("funnel:\n  payment_failure: lots\n", 2, "funnel.payment_failure", "must be a number")]
    [InlineData("funnel:\n  payment_failure: 1.5\n", 2, "payment_failure", "payment_failure must be between 0 and 1 (was 1.5)")]
    [InlineData("touchpoints:\n  checkout: { skip: 1.5 }\n", 2, "touchpoints.checkout.skip", "touchpoints.checkout.skip must be between 0 and 1 (was 1.5)")]
    [InlineData("touchpoints:\n  checkout: { skipp: 0.5 }\n", 2, "touchpoints.checkout.skipp", "unknown knob 'skipp' (expected skip, weight, repeat, minutes, hours, working_hours or days)")]
    [InlineData("lanes:\n  backroom: { minutes: 3 }\n", 2, "lanes", "unknown lane 'backroom' (expected customer-action, frontstage, backstage, support or physical-evidence)")]
    [InlineData("arrivals:\n  weekday_weights: [1, 2]\n", 2, "weekday_weights", "weekday_weights must have 7 values (has 2)")]
    [InlineData("problems:\n  drift: { enabled: maybe }\n", 2, "problems.drift.enabled", "must be true or false")]
    [InlineData("start: yesterday\n", 1, "start", "must be a date (yyyy-MM-dd) or an ISO 8601 time")]
    public void Read_BadValue_ThrowsWithFileLineAndKey(string yaml, int line, string field, string reason)
    {
        // Given a scenario with one bad key or value
        // When it is read
        var error = Should.Throw<ImportException>(() => Parse(yaml));

        // Then the error names the file, line, key and reason
        error.Source.ShouldBe("scenario.yaml");
        error.Line.ShouldBe(line);
        error.Field.ShouldBe(field);
        error.Reason.ShouldBe(reason);
        error.Message.ShouldStartWith($"scenario.yaml:{line}: field '{field}': ");
    }

    [Theory]
    [InlineData("")]
    [InlineData("- a\n- b\n")]
    [InlineData("months: [1\n")]
    public void Read_NotAScenario_ThrowsImportException(string yaml)
    {
        // Given empty text, a list, or broken YAML
        // When it is read, then it fails with an ImportException naming the file
        Should.Throw<ImportException>(() => Parse(yaml)).Message.ShouldStartWith("scenario.yaml");
    }

    [Fact]
    public void RetailJourneyYaml_ReadWithJourneyReader_HasNoErrorsAndMatchesBuiltInJourney()
    {
        // Given the sample journey and the built-in model of it
        var expected = RetailJourney.Create();

        // When the YAML is read
        var result = JourneyYaml.Read(Path.Combine(RetailSample.Folder, "journeys", "retail.yaml"));

        // Then it is valid (reader and validator: the web app refuses a journey with errors) and has the same
        // touchpoints (ids, stages, lanes, rules), KPIs (kinds, targets, parameters, drivers) and time targets
        JourneyValidator.Validate(result).Where(d => d.IsError).Select(d => d.ToString()).ShouldBeEmpty();
        var journey = result.Journey.ShouldNotBeNull();
        journey.Id.ShouldBe(expected.Id);
        journey.Touchpoints.Select(t => (t.Id, t.Stage, t.Lane, t.Channel, string.Join('|', t.Rule.Activities)))
            .ShouldBe(expected.Touchpoints.Select(t => (t.Id, t.Stage, t.Lane, t.Channel, string.Join('|', t.Rule.Activities))));
        journey.Kpis.Select(k => (k.Id, k.Kind, k.Target, string.Join(',', k.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)), string.Join(',', k.Drivers)))
            .ShouldBe(expected.Kpis.Select(k => (k.Id, k.Kind, k.Target, string.Join(',', k.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)), string.Join(',', k.Drivers))));
        journey.TimeTargets.Select(t => (t.Id, t.From, t.To, t.Within)).ShouldBe(expected.TimeTargets.Select(t => (t.Id, t.From, t.To, t.Within)));
        journey.Flow.ShouldNotBeNull().ToString().ShouldBe(expected.Flow!.ToString());
    }
}
