using Journeyscope.IO.Journeys;
using Journeyscope.Journeys;
using Journeyscope.TestSupport;

namespace Journeyscope.IO.Tests.Journeys;

/// <summary>The sample journeys validate against their real logs, and map the events a reader of the log would expect.</summary>
public sealed class JourneySampleTests
{
    [Fact]
    public void ReceiptSample_AgainstTheReceiptLog_ValidatesAndMapsEveryEvent()
    {
        // Given the receipt sample and the real receipt log
        var read = JourneyYaml.Read(Path.Combine(JourneyText.RepoRoot(), "samples", "receipt", "journeys", "receipt.yaml"));
        var log = EventLogFile.Import(SharedData.Path("logs/receipt.xes.gz"), cancellationToken: TestContext.Current.CancellationToken).Log;

        // When validated against the log and mapped
        var diagnostics = JourneyValidator.Validate(read, log);
        var mapped = TouchpointMapping.Map(log, read.Journey!);

        // Then there is no problem at all
        diagnostics.Select(d => d.ToString()).ShouldBeEmpty();

        // And, by hand from the log: every case starts with one "Confirmation of receipt", split by its channel
        // (1,250 Internet, 109 Desk, the other 75 by post, e-mail or unknown); every activity belongs to a touchpoint
        var counts = read.Journey!.Touchpoints.Select((t, i) => (t.Id, Count: mapped.TouchpointEventCounts[i])).ToDictionary();
        counts["apply-online"].ShouldBe(1250);
        counts["apply-desk"].ShouldBe(109);
        counts["apply-other"].ShouldBe(75);
        counts["check"].ShouldBe(1368);
        counts["send-confirmation"].ShouldBe(1300);
        counts["internal-advice"].ShouldBe(45 + 32 + 8 + 6 + 27);
        counts["hold-report"].ShouldBe(20 + 26 + 6 + 20 + 20);
        mapped.UnmappedEventCount.ShouldBe(0);
        mapped.Log.EventCount.ShouldBe(8577);
    }

    [Fact]
    public void HelpdeskSample_AgainstTheHelpdeskLog_ValidatesAndMapsEveryEvent()
    {
        // Given the helpdesk sample and the real helpdesk log
        var read = JourneyYaml.Read(Path.Combine(JourneyText.RepoRoot(), "samples", "helpdesk", "journeys", "helpdesk.yaml"));
        var log = EventLogFile.Import(SharedData.Path("logs/helpdesk.xes.gz"), cancellationToken: TestContext.Current.CancellationToken).Log;

        // When validated against the log and mapped
        var diagnostics = JourneyValidator.Validate(read, log);
        var mapped = TouchpointMapping.Map(log, read.Journey!);

        // Then there is no problem, and the counts are the log's activity counts (PM4Py's activities.json)
        diagnostics.Select(d => d.ToString()).ShouldBeEmpty();
        var counts = read.Journey!.Touchpoints.Select((t, i) => (t.Id, Count: mapped.TouchpointEventCounts[i])).ToDictionary();
        counts["take-charge"].ShouldBe(5060);
        counts["anomaly"].ShouldBe(67 + 13);
        counts["verify"].ShouldBe(3 + 2 + 2 + 1);
        counts["close"].ShouldBe(4574);
        mapped.UnmappedEventCount.ShouldBe(0);
    }
}
