using System.Globalization;
using System.Text;
using Journeyscope.TestSupport;
using Microsoft.Playwright;
using Microsoft.VisualBasic.FileIO;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>
/// Acceptance of the import wizard on real exports, each into a workspace the wizard creates, with no API call and no
/// file edited by hand: the wizard proposes the shape and the mapping, the user changes what it cannot know.
/// </summary>
public sealed class ImportWizardTests(ImportWizardFixture fixture) : IClassFixture<ImportWizardFixture>
{
    [Fact]
    public Task WebUi_OlistOrdersThenReviews_ReviewScoreLandsOnTheOrdersJourney() => RunAsync("olist", async page =>
    {
        // Given the Olist orders (one row per order, one date per step) and their reviews (a score and a comment per order)
        var orders = SharedData.Path("datasets/olist_sample_cabg/olist_orders_dataset.csv");
        var reviews = SharedData.Path("datasets/olist_sample_cabg/olist_order_reviews_dataset.csv");

        // When the orders go through the wizard as proposed: wide, keyed by order_id
        await ImportWizardFixture.ChooseFileAsync(page, orders);
        (await page.Locator("[data-testid=layout]").InputValueAsync()).ShouldBe("wide");
        (await page.Locator("[data-testid=map-case]").InputValueAsync()).ShouldBe("order_id");
        (await page.Locator("[data-testid=wide-order_purchase_timestamp]").IsCheckedAsync()).ShouldBeTrue();
        await ImportWizardFixture.ShotAsync(page, "olist-1-orders-mapping");
        var ordersImported = await ImportWizardFixture.ImportAsync(page);

        // And then the reviews into the same workspace, as proposed: a survey keyed by order_id
        await page.Locator("[data-testid=import-another]").ClickAsync();
        await ImportWizardFixture.ChooseFileAsync(page, reviews);
        (await page.Locator("[data-testid=layout]").InputValueAsync()).ShouldBe("survey");
        (await page.Locator("[data-testid=map-case]").InputValueAsync()).ShouldBe("order_id");
        (await page.Locator("[data-testid=map-score]").InputValueAsync()).ShouldBe("review_score");
        (await page.Locator("[data-testid=map-survey]").InputValueAsync()).ShouldBe("review");
        await ImportWizardFixture.ShotAsync(page, "olist-2-reviews-mapping");
        var reviewsImported = await ImportWizardFixture.ImportAsync(page);

        // Then every order and every review is read, and an order's journey holds its review with the score
        ordersImported.ShouldBe(8_135); // records: a wide row (one order) is one record, its non-empty steps its events
        reviewsImported.ShouldBe(8_225);
        await page.GotoAsync(new Uri(fixture.Host.Address, "w/olist/cases/583174fbe37d3d5f0d6661be3aad1786").ToString());
        // (the prerendered rows are replaced when the circuit takes over and loads again: read the interactive page's rows)
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.Locator("[data-testid=case-events] tbody tr td:nth-child(2)", new() { HasTextString = "review" }).First.WaitForAsync();
        var activities = await page.Locator("[data-testid=case-events] tbody tr td:nth-child(2)").AllInnerTextsAsync();
        activities.ShouldContain("order_purchase_timestamp");
        activities.ShouldContain("review");
        (await page.Locator("[data-testid=case-events]").InnerTextAsync()).ShouldContain("score=1");
        await ImportWizardFixture.ShotAsync(page, "olist-3-case");
    });

    [Fact]
    public Task WebUi_Bpic2016ComplaintsLatin1Semicolon_UserPicksTheActivity() => RunAsync("complaints", async page =>
    {
        // Given the UWV complaints: latin1, ';', and no column named like an activity
        var path = SharedData.Path("logs/bpic2016_complaints.csv");
        var rows = File.ReadAllLines(path, Encoding.Latin1).Skip(1).Count(l => l.Length > 0);

        // When inspected, Then the dialect, the customer, the date and the channel are proposed and the activity is asked for
        await ImportWizardFixture.ChooseFileAsync(page, path);
        (await page.Locator("[data-testid=inspect]").InnerTextAsync()).ShouldContain("delimiter ';'");
        (await page.Locator("[data-testid=map-case]").InputValueAsync()).ShouldBe("CustomerID");
        (await page.Locator("[data-testid=map-timestamp]").InputValueAsync()).ShouldBe("ContactDate");
        (await page.Locator("[data-testid=map-channel]").InputValueAsync()).ShouldBe("ContactChannelID");
        (await page.Locator("[data-testid=timestamp-check]").GetAttributeAsync("data-parsed-share")).ShouldBe("1");

        // When the user picks the complaint topic as the activity and imports
        await ImportWizardFixture.SelectAsync(page, "activity", "ComplaintTopic_EN");
        await page.Locator("[data-testid=mapping-missing]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await ImportWizardFixture.ShotAsync(page, "complaints-1-mapping");
        var imported = await ImportWizardFixture.ImportAsync(page);

        // Then every complaint is an event
        imported.ShouldBe(rows);
    });

    [Theory]
    [InlineData("nps-fr", "datasets/nps_benavent_fr_retail/nps.csv", "latin1", "id", "nps", "explication")]
    [InlineData("nps-miro", "datasets/miro_voc_nps_feature_feedback/nps.csv", "utf-8", "user_id", "NPS_Score", "text")]
    public Task WebUi_NpsSurveyWithoutDate_NpsEqualsTheCsvs(string workspace, string file, string encoding, string key, string score, string comment) =>
        RunAsync(workspace, async page =>
        {
            // Given an NPS export without activity and date columns, and its NPS computed from the CSV itself
            var path = SharedData.Path(file);
            var answers = Column(path, encoding == "latin1" ? Encoding.Latin1 : Encoding.UTF8, score);
            var numeric = answers.Where(a => int.TryParse(a, CultureInfo.InvariantCulture, out _)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
            var nps = 100.0 * (numeric.Count(s => s >= 9) - numeric.Count(s => s <= 6)) / numeric.Count;

            // When it goes through the wizard as proposed (a survey, dated by the file's date)
            await ImportWizardFixture.ChooseFileAsync(page, path);
            (await page.Locator("[data-testid=layout]").InputValueAsync()).ShouldBe("survey");
            (await page.Locator("[data-testid=map-case]").InputValueAsync()).ShouldBe(key);
            (await page.Locator("[data-testid=map-score]").InputValueAsync()).ShouldBe(score);
            (await page.Locator("[data-testid=map-comment]").InputValueAsync()).ShouldBe(comment);
            (await page.Locator("[data-testid=map-survey]").InputValueAsync()).ShouldBe("nps");
            (await page.Locator("[data-testid=map-survey-date]").InputValueAsync()).ShouldNotBeNullOrEmpty();
            await ImportWizardFixture.ShotAsync(page, workspace + "-1-mapping");
            var imported = await ImportWizardFixture.ImportAsync(page);

            // Then every answer is an event and the voice of the customer shows the CSV's NPS
            imported.ShouldBe(answers.Count);
            await page.Locator("[data-testid=open-voc]").ClickAsync();
            var shown = page.Locator("[data-testid=survey-score-nps]");
            await shown.WaitForAsync();
            (await shown.InnerTextAsync()).ShouldBe(nps.ToString("0.0", CultureInfo.InvariantCulture));
            await ImportWizardFixture.ShotAsync(page, workspace + "-2-voc");
        });

    [Fact]
    public Task WebUi_AirlineTweets_OffsetsShownAndEveryTweetImported() => RunAsync("tweets", async page =>
    {
        // Given the 14,640 airline tweets, dated with numeric offsets ("2015-02-24 11:35:52 -0800")
        var path = SharedData.Path("datasets/twitter_us_airline_sentiment/Tweets.csv");

        // When the user maps one journey per author: the sentiment as the activity, the tweet time as the timestamp
        await ImportWizardFixture.ChooseFileAsync(page, path);
        (await page.Locator("[data-testid=map-timestamp]").InputValueAsync()).ShouldBe("tweet_created");
        await ImportWizardFixture.SelectAsync(page, "case", "name");
        await ImportWizardFixture.SelectAsync(page, "activity", "airline_sentiment");
        await page.Locator("[data-testid=mapping-missing]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        // Then the timestamp check says every sampled value reads and keeps its own offset
        var check = page.Locator("[data-testid=timestamp-check]");
        (await check.GetAttributeAsync("data-parsed-share")).ShouldBe("1");
        (await check.InnerTextAsync()).ShouldContain("carry their own UTC offset");
        await ImportWizardFixture.ShotAsync(page, "tweets-1-mapping");
        (await ImportWizardFixture.ImportAsync(page)).ShouldBe(14_640);
    });

    [Fact]
    public Task WebUi_OlistOrdersLookedUpInCustomers_OneJourneyPerUniqueCustomer() => RunAsync("olist-customers", async page =>
    {
        // Given the Olist orders (keyed by customer_id, one per order) and the customers file mapping customer_id to customer_unique_id
        var orders = SharedData.Path("datasets/olist_sample_cabg/olist_orders_dataset.csv");
        var customers = SharedData.Path("datasets/olist_sample_cabg/olist_customers_dataset.csv");
        var uniqueOf = File.ReadAllLines(customers).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        var repeat = File.ReadAllLines(orders).Skip(1).Where(l => l.Length > 0).GroupBy(l => uniqueOf[l.Split(',')[1]], StringComparer.Ordinal)
            .First(g => g.Count() > 1);

        // When the orders go through the wizard keyed by customer_id, with the customers file as the lookup giving the case id
        await ImportWizardFixture.ChooseFileAsync(page, orders);
        await ImportWizardFixture.SelectAsync(page, "case", "customer_id");
        await page.Locator("#lookup-file").SetInputFilesAsync(customers);
        await page.Locator("[data-testid=lookup-case]").WaitForAsync();
        (await page.Locator("[data-testid=lookup-key]").InputValueAsync()).ShouldBe("customer_id");
        await page.Locator("[data-testid=lookup-case]").SelectOptionAsync("customer_unique_id");
        (await page.Locator("[data-testid=lookup-attribute-customer_state]").IsCheckedAsync()).ShouldBeTrue();
        await ImportWizardFixture.ShotAsync(page, "olist-customers-1-lookup");
        var imported = await ImportWizardFixture.ImportAsync(page);

        // Then every order is read, and a customer's orders are one journey: both purchases on the unique customer's case
        imported.ShouldBe(8_135);
        await page.GotoAsync(new Uri(fixture.Host.Address, "w/olist-customers/cases/" + repeat.Key).ToString());

        // (the prerendered rows are replaced when the circuit takes over and loads again: read the interactive page's rows)
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.Locator("[data-testid=case-events] tbody tr").First.WaitForAsync();
        var activities = await page.Locator("[data-testid=case-events] tbody tr td:nth-child(2)").AllInnerTextsAsync();
        activities.Count(a => a == "order_purchase_timestamp").ShouldBe(repeat.Count());
        await ImportWizardFixture.ShotAsync(page, "olist-customers-2-case");
    });

    [Fact]
    public Task WebUi_OlistOrdersJoinedToCustomersOnCustomerId_CustomerStateFiltersTheOrders() => RunAsync("olist-state", async page =>
    {
        // Given the Olist orders (wide, case order_id) and the customers file keyed by the orders' customer_id column,
        // and the orders per customer state computed from the two CSVs
        var orders = SharedData.Path("datasets/olist_sample_cabg/olist_orders_dataset.csv");
        var customers = SharedData.Path("datasets/olist_sample_cabg/olist_customers_dataset.csv");
        var stateOf = File.ReadAllLines(customers).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => f[4], StringComparer.Ordinal);
        var rows = File.ReadAllLines(orders).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        var purchasesInSp = rows.Count(f => f[3].Length > 0 && stateOf[f[1]] == "SP");
        purchasesInSp.ShouldBeGreaterThan(0);

        // And the new workspace's overview says it is empty, with no empty chart box
        var overview = await page.Context.NewPageAsync();
        overview.SetDefaultTimeout(90_000);
        await overview.GotoAsync(new Uri(fixture.Host.Address, "w/olist-state").ToString());
        (await overview.GetByText("This workspace has no events yet").InnerTextAsync()).ShouldContain("Import a log");
        (await overview.Locator(".js-viz[data-kind=bars]").CountAsync()).ShouldBe(0);
        await overview.CloseAsync();

        // When the orders go through the wizard as proposed, joined to the customers file on customer_id
        await ImportWizardFixture.ChooseFileAsync(page, orders);
        (await page.Locator("[data-testid=layout]").InputValueAsync()).ShouldBe("wide");
        (await page.Locator("[data-testid=map-case]").InputValueAsync()).ShouldBe("order_id");
        await page.Locator("#lookup-file").SetInputFilesAsync(customers);
        await page.Locator("[data-testid=lookup-on]").WaitForAsync();
        (await page.Locator("[data-testid=lookup-key]").InputValueAsync()).ShouldBe("customer_id");
        (await page.Locator("[data-testid=lookup-on]").InputValueAsync()).ShouldBe("customer_id");
        (await page.Locator("[data-testid=lookup-case]").InputValueAsync()).ShouldBe("");
        (await page.Locator("[data-testid=lookup-attribute-customer_state]").IsCheckedAsync()).ShouldBeTrue();
        await ImportWizardFixture.ShotAsync(page, "olist-state-1-join");
        (await ImportWizardFixture.ImportAsync(page)).ShouldBe(rows.Count);

        // Then the overview draws the most frequent activities of the imported orders
        await page.GotoAsync(new Uri(fixture.Host.Address, "w/olist-state").ToString());
        var bars = page.Locator(".js-viz[data-kind=bars]");
        await bars.Locator("svg text", new LocatorLocatorOptions { HasText = "order_purchase_timestamp" }).First.WaitForAsync();

        // And the map filtered on the case attribute customer_state == SP counts the SP orders of the CSVs
        await page.GotoAsync(new Uri(fixture.Host.Address, "w/olist-state/map").ToString());
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.Locator("[data-testid=map-activities]").WaitForAsync();
        await page.Locator("textarea[data-testid=filters], [data-testid=filters] textarea").First.FillAsync("case.customer_state == SP");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        var expected = purchasesInSp.ToString("N0", CultureInfo.InvariantCulture);
        await page.WaitForFunctionAsync(
            "n => [...document.querySelectorAll('[data-testid=map-activities] tbody tr')].some(r => r.cells[0].innerText.trim() === 'order_purchase_timestamp' && r.cells[2].innerText.trim() === n)",
            expected);
        await ImportWizardFixture.ShotAsync(page, "olist-state-2-map-filtered");
    });

    [Fact]
    public Task WebUi_Bpic2012XesGz_IntoANewWorkspace() => RunAsync("loans", async page =>
    {
        // Given the BPI Challenge 2012 log (XES, gzip), When it is imported into the new workspace
        await ImportWizardFixture.ChooseFileAsync(page, SharedData.Path("logs/bpic2012.xes.gz"));
        (await page.Locator("[data-testid=detected-format]").InnerTextAsync()).ShouldBe("xes");
        (await page.Locator("[data-testid=import-target]").InnerTextAsync()).ShouldBe("loans");
        var imported = await ImportWizardFixture.ImportAsync(page);

        // Then all its events are in that workspace
        imported.ShouldBe(262_200);
        (await page.Locator("[data-testid=imported-into]").InnerTextAsync()).ShouldBe("loans");
    });

    private async Task RunAsync(string workspace, Func<IPage, Task> steps)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await fixture.Host.SignInAsync(context);
        var console = new List<string>();
        IPage? page = null;
        try
        {
            page = await fixture.OpenWizardInNewWorkspaceAsync(context, workspace);
            page.Console += (_, m) => console.Add(m.Type + ": " + m.Text);
            await steps((IPage)page);
        }
        catch when (page is not null)
        {
            await ImportWizardFixture.ShotAsync((IPage)page, workspace + "-failure");
            TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, console));
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>One column of a CSV read by the BCL's RFC 4180 parser (quoted, multi-line fields): the test's own reading of the file.</summary>
    private static List<string> Column(string path, Encoding encoding, string name)
    {
        using var parser = new TextFieldParser(path, encoding) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var index = Array.IndexOf(header, name);
        index.ShouldBeGreaterThanOrEqualTo(0);
        var values = new List<string>();
        while (parser.ReadFields() is { } fields)
        {
            values.Add(fields[index]);
        }

        return values;
    }
}
