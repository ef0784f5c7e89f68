using System.Text;
using Journeyscope.TestSupport;

namespace Journeyscope.IO.Tests.Csv;

/// <summary>The inspection never dead-ends: missing roles are listed, and real exports get a proposed shape and mapping.</summary>
public sealed class CsvInspectionProposalTests
{
    private static CsvInspection Inspect(string text, CsvImportOptions? csv = null)
    {
        using var stream = new MemoryStream(new UTF8Encoding(false).GetBytes(text));
        return CsvImporter.Inspect(stream, "test.csv", csv);
    }

    [Fact]
    public void Inspect_NoKnownColumnNames_ListsMissingRolesAndGuessesFromValues()
    {
        // Given a file whose header names no role (the importer would stop at "no column for the activity")
        var csv = "ticket,what,when\nT1,Opened,2024-01-02 10:00\nT1,Closed,2024-01-03 11:00\nT2,Opened,2024-01-04 09:00\nT2,Closed,2024-01-05 09:30\n";

        // When inspected
        var inspection = Inspect(csv);

        // Then it does not throw: the missing roles name the wizard control and the CLI flag, and values give a guess
        inspection.Missing.ShouldContain(m => m.Contains("'Activity column'", StringComparison.Ordinal) && m.Contains("--activity", StringComparison.Ordinal));
        inspection.Columns.Select(c => c.Name).ShouldBe(["ticket", "what", "when"]);
        inspection.Columns[1].Samples.ShouldBe(["Opened", "Closed"]);
        inspection.ProposalFor("timestamp")!.Column.ShouldBe("when");
        inspection.ProposalFor("activity")!.Column.ShouldBe("what");
        inspection.ProposalFor("activity")!.Confidence.ShouldBeLessThan(0.9);
        inspection.Timestamps!.Column.ShouldBe("when");
        (inspection.Timestamps.Parsed, inspection.Timestamps.Total).ShouldBe((4, 4));
        inspection.Timestamps.Zone.ShouldBe("UTC");
    }

    [Fact]
    public void Inspect_ImportOfSameFile_StillFailsNamingTheFlag()
    {
        // Given the same file: inspection is lenient, the import is not
        var csv = "ticket,what,when\nT1,Opened,2024-01-02 10:00\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));

        // When imported without a mapping, Then the error names the flag and the wizard control, never an options type
        var error = Should.Throw<ImportException>(() => CsvImporter.Import(stream, "t.csv", cancellationToken: TestContext.Current.CancellationToken));
        error.Message.ShouldContain("--activity");
        error.Message.ShouldContain("'Activity column'");
        error.Message.ShouldNotContain("CsvImportOptions");
    }

    [Fact]
    public void Inspect_TimestampsWithOffsets_CountsOffsetsAndShare()
    {
        // Given tweets' timestamps with a numeric offset, one in five broken
        var csv = "case_id,activity,tweet_created\na,t,2015-02-24 11:35:52 -0800\nb,t,2015-02-24 11:15:59 -0800\n" +
            "c,t,2015-02-24 11:15:48 -0800\nd,t,2015-02-24 11:15:36 +0100\ne,t,yesterday\n";

        // When inspected
        var t = Inspect(csv).Timestamps!;

        // Then the share parsed and the offsets are reported, and the broken row says why
        (t.Parsed, t.Total, t.WithOffset).ShouldBe((4, 5, 4));
        t.ParsedShare.ShouldBe(0.8, 1e-9);
        t.Rows[0].Parsed.ShouldBe(new DateTimeOffset(2015, 2, 24, 11, 35, 52, TimeSpan.FromHours(-8)));
        t.Rows[4].Problem!.ShouldContain("yesterday");
    }

    [Fact]
    public void Inspect_OlistOrders_ProposesWideLayoutOnOrderId()
    {
        // Given the Olist orders export: one row per order, one timestamp column per step
        var path = SharedData.Path("datasets/olist_sample_cabg/olist_orders_dataset.csv");

        // When inspected
        var inspection = CsvImporter.Inspect(path);

        // Then the shape is wide, keyed by order_id, with the five dates as steps
        inspection.Layout.ShouldBe("wide");
        inspection.ProposalFor("case")!.Column.ShouldBe("order_id");
        inspection.Proposals.Where(p => p.Role == "wide_timestamp").Select(p => p.Column).ShouldBe(
            ["order_purchase_timestamp", "order_approved_at", "order_delivered_carrier_date", "order_delivered_customer_date", "order_estimated_delivery_date"]);
    }

    [Theory]
    [InlineData("datasets/olist_sample_cabg/olist_order_reviews_dataset.csv", "order_id", "review_score", "review_comment_message", "review")]
    [InlineData("datasets/nps_benavent_fr_retail/nps.csv", "id", "nps", "explication", "nps")]
    [InlineData("datasets/miro_voc_nps_feature_feedback/nps.csv", "user_id", "NPS_Score", "text", "nps")]
    public void Inspect_SurveyExports_ProposeSurveyWithScoreAndComment(string file, string key, string score, string comment, string survey)
    {
        // Given a real survey export (no activity column; the NPS files have no date either)
        var path = SharedData.Path(file);

        // When inspected
        var inspection = CsvImporter.Inspect(path);

        // Then a survey is proposed, with its key, score and comment columns and a survey name the VoC understands
        inspection.Layout.ShouldBe("survey");
        inspection.SurveyActivity.ShouldBe(survey);
        inspection.ProposalFor("case")!.Column.ShouldBe(key);
        inspection.ProposalFor("score")!.Column.ShouldBe(score);
        inspection.ProposalFor("comment")!.Column.ShouldBe(comment);
    }

    [Fact]
    public void Inspect_Bpic2016Complaints_ProposesCustomerDateAndChannel()
    {
        // Given the UWV complaints (latin1, ';', no activity column by name)
        var path = SharedData.Path("logs/bpic2016_complaints.csv");

        // When inspected
        var inspection = CsvImporter.Inspect(path);

        // Then the dialect is read and the customer, the contact date and the channel are proposed
        inspection.Delimiter.ShouldBe(';');
        inspection.Layout.ShouldBe("events");
        inspection.ProposalFor("case")!.Column.ShouldBe("CustomerID");
        inspection.ProposalFor("timestamp")!.Column.ShouldBe("ContactDate");
        inspection.ProposalFor("channel")!.Column.ShouldBe("ContactChannelID");
        inspection.ProposalFor("activity").ShouldNotBeNull();
        inspection.Missing.ShouldContain(m => m.Contains("activity", StringComparison.Ordinal));
    }
}
