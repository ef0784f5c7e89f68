using System.Text.Json;
using Journeyscope.Storage;
using Journeyscope.TestSupport;

namespace Journeyscope.Cli.Tests;

/// <summary>
/// Several files joined on a key into one journey: each file is imported with its own shape and the key as its case id,
/// so the Olist review (a survey with a score) lands on its order's journey (a wide file).
/// </summary>
public sealed class ImportJoinCommandTests
{
    private static readonly string[] OrderSteps =
    [
        "order_purchase_timestamp", "order_approved_at", "order_delivered_carrier_date", "order_delivered_customer_date", "order_estimated_delivery_date",
    ];

    [Fact]
    public void Import_OlistOrdersThenReviewsOnOrderId_ReviewScoreLandsOnTheOrdersJourney()
    {
        // Given the Olist orders (wide: one row per order) and their reviews (one row per review, score and comment)
        var orders = SharedData.Path("datasets/olist_sample_cabg/olist_orders_dataset.csv");
        var reviews = SharedData.Path("datasets/olist_sample_cabg/olist_order_reviews_dataset.csv");
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");

        // When both are imported into one workspace, keyed by order_id
        var first = CliRun.Run(["import", orders, "--workspace", workspace, "--case", "order_id", "--wide-timestamps", .. OrderSteps]);
        var second = CliRun.Run("import", reviews, "--workspace", workspace, "--case", "order_id", "--survey", "review",
            "--score", "review_score", "--comment", "review_comment_message", "--timestamp", "review_creation_date", "--format", "json");

        // Then no new case appears: every review joined an order's journey, with its score on the review event
        first.ExitCode.ShouldBe(0, first.Error);
        second.ExitCode.ShouldBe(0, second.Error);
        using (var json = JsonDocument.Parse(second.Output))
        {
            json.RootElement.GetProperty("files")[0].GetProperty("imported").GetInt64().ShouldBe(8225);
        }

        using var store = Workspace.Open(workspace, create: false);
        var log = store.LoadEventLog(TestContext.Current.CancellationToken);
        log.CaseCount.ShouldBe(8135);
        var order = log.CaseIds.ToList().IndexOf("583174fbe37d3d5f0d6661be3aad1786");
        order.ShouldBeGreaterThanOrEqualTo(0);
        var start = log.CaseStart(order);
        var names = log.CaseActivities(order).ToArray().Select(a => log.ActivityNames[a]).ToList();
        names.ShouldContain("order_purchase_timestamp");
        names.ShouldContain("review");
        var score = log.FindEventAttribute("score")!;
        var review = start + names.IndexOf("review");
        score.GetValue(review)!.Value.AsLong().ShouldBe(1);
    }
}
