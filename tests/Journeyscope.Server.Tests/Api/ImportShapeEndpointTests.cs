using System.Net;
using System.Net.Http.Json;
using Journeyscope.TestSupport;

namespace Journeyscope.Server.Tests.Api;

/// <summary>The API side of the import wizard: inspect never dead-ends, and wide and survey exports import through the form.</summary>
public sealed class ImportShapeEndpointTests(ImportShapeEndpointTests.Server server) : IClassFixture<ImportShapeEndpointTests.Server>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Inspect_ColumnsNotRecognised_Returns200WithMissingRolesAndProposals()
    {
        // Given a CSV whose header names no activity (inspect used to answer 422)
        using var client = server.CreateClient();
        await CreateAsync(client, "unnamed");
        const string csv = "ticket,what,when\nT1,Opened,2024-01-02 10:00\nT1,Closed,2024-01-03 11:00\nT2,Opened,2024-01-04 09:00\nT2,Closed,2024-01-05 09:30\n";

        // When it is inspected without a mapping
        var json = await Problem.JsonAsync(await client.PostAsync("/api/v1/workspaces/unnamed/imports/inspect", ServerFixture.Upload(csv, "t.csv"), Token));

        // Then every column has its samples, the missing role names the wizard control and the flag, and a mapping is proposed
        json.GetProperty("columns")[1].GetProperty("samples").EnumerateArray().Select(v => v.GetString()).ShouldBe(["Opened", "Closed"]);
        var missing = json.GetProperty("missing").EnumerateArray().Select(v => v.GetString()!).ToList();
        missing.ShouldContain(m => m.Contains("--activity", StringComparison.Ordinal) && m.Contains("'Activity column'", StringComparison.Ordinal));
        missing.ShouldAllBe(m => !m.Contains("CsvImportOptions", StringComparison.Ordinal));
        var mapping = json.GetProperty("suggestedMapping");
        mapping.GetProperty("activity").GetString().ShouldBe("what");
        mapping.GetProperty("timestamp").GetString().ShouldBe("when");
        var proposal = json.GetProperty("proposals").EnumerateArray().First(p => p.GetProperty("role").GetString() == "activity");
        proposal.GetProperty("confidence").GetDouble().ShouldBeInRange(0.01, 0.89);
        var timestamps = json.GetProperty("timestamps");
        (timestamps.GetProperty("parsed").GetInt32(), timestamps.GetProperty("total").GetInt32()).ShouldBe((4, 4));
        timestamps.GetProperty("parsedShare").GetDouble().ShouldBe(1.0);
        timestamps.GetProperty("zone").GetString().ShouldBe("UTC");
    }

    [Fact]
    public async Task Import_WideForm_OneEventPerNonEmptyStepCell()
    {
        // Given one row per order with one timestamp column per step, one step not reached
        using var client = server.CreateClient();
        await CreateAsync(client, "wide");
        const string csv = "order_id,placed,shipped\no1,2024-01-01 10:00,2024-01-02 10:00\no2,2024-01-03 10:00,\n";

        // When imported with the wide layout fields
        var json = await Problem.JsonAsync(await client.PostAsync("/api/v1/workspaces/wide/imports",
            ServerFixture.Upload(csv, "orders.csv", ("case", "order_id"), ("wideTimestamps", "placed, shipped")), Token));

        // Then each non-empty cell is an event named after its column
        json.GetProperty("summary").GetProperty("eventsAdded").GetInt64().ShouldBe(3);
        var info = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/wide", Token));
        (info.GetProperty("cases").GetInt64(), info.GetProperty("activities").GetInt64()).ShouldBe((2, 2));
    }

    [Fact]
    public async Task Import_SurveyFormWithoutDateColumn_ScoresTheVoiceOfTheCustomer()
    {
        // Given NPS answers without a date column, one "NA"
        using var client = server.CreateClient();
        await CreateAsync(client, "survey");
        const string csv = "id,nps,why\nu1,10,great\nu2,9,good\nu3,2,slow\nu4,NA,NA\nu5,7,ok\n";

        // When imported with the survey fields and a survey date
        var json = await Problem.JsonAsync(await client.PostAsync("/api/v1/workspaces/survey/imports",
            ServerFixture.Upload(csv, "nps.csv", ("case", "id"), ("survey", "nps"), ("score", "nps"), ("comment", "why"), ("surveyDate", "2020-06-30")), Token));

        // Then every answer is an event and the NPS is promoters% - detractors% of the four numeric answers
        json.GetProperty("summary").GetProperty("eventsAdded").GetInt64().ShouldBe(5);
        var voc = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/survey/voc", Token));
        var survey = voc.GetProperty("surveys")[0];
        survey.GetProperty("scale").GetString().ShouldBe("nps");
        survey.GetProperty("score").GetDouble().ShouldBe(25.0, 1e-9);
    }

    [Theory]
    [InlineData("surveyDate", "someday")]
    [InlineData("encoding", "klingon")]
    public async Task Import_BadSurveyOrDialectField_Returns400NamingTheField(string field, string value)
    {
        using var client = server.CreateClient();
        await CreateAsync(client, "badshape");
        using var response = await client.PostAsync("/api/v1/workspaces/badshape/imports",
            ServerFixture.Upload("id,nps\nu1,10\n", "nps.csv", ("case", "id"), ("survey", "nps"), ("score", "nps"), (field, value)), Token);
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString()!.ShouldStartWith(field);
    }

    [Fact]
    public async Task Import_OlistOrdersWithCustomersLookup_OneJourneyPerUniqueCustomerWithCityAndState()
    {
        // Given the Olist orders (keyed by customer_id) and the customers file that maps customer_id to customer_unique_id
        using var client = server.CreateClient();
        await CreateAsync(client, "olistlookup");
        var orders = SharedData.Path("datasets/olist_sample_cabg/olist_orders_dataset.csv");
        var customers = SharedData.Path("datasets/olist_sample_cabg/olist_customers_dataset.csv");
        var uniqueOf = File.ReadAllLines(customers).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        var orderLines = File.ReadAllLines(orders).Skip(1).Where(l => l.Length > 0).ToList();
        var expected = orderLines.Select(l => uniqueOf[l.Split(',')[1]]).Distinct(StringComparer.Ordinal).Count();
        using var upload = ServerFixture.Upload(await File.ReadAllBytesAsync(orders, Token), "olist_orders_dataset.csv",
            ("case", "customer_id"), ("wideTimestamps", "order_purchase_timestamp, order_approved_at, order_delivered_customer_date"),
            ("lookupCase", "customer_unique_id"), ("lookupAttributes", "customer_city, customer_state"));
        var lookup = new ByteArrayContent(await File.ReadAllBytesAsync(customers, Token));
        upload.Add(lookup, "lookup", "olist_customers_dataset.csv");

        // When the orders are imported with the lookup file beside them
        var json = await Problem.JsonAsync(await client.PostAsync("/api/v1/workspaces/olistlookup/imports", upload, Token));

        // Then no order is quarantined and each unique customer is one case, with city and state as case attributes
        json.GetProperty("summary").GetProperty("recordsImported").GetInt64().ShouldBe(orderLines.Count);
        json.GetProperty("summary").GetProperty("recordsQuarantined").GetInt64().ShouldBe(0);
        var info = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/olistlookup", Token));
        info.GetProperty("cases").GetInt64().ShouldBe(expected);
        info.GetRawText().ShouldContain("customer_state");
    }

    [Fact]
    public async Task Import_LookupOnACaseAttributeColumn_CasesKeepTheirIdAndGetTheLookupsColumns()
    {
        // Given orders keyed by order_id with a customer_id column, and customers keyed by customer_id
        using var client = server.CreateClient();
        await CreateAsync(client, "lookupon");
        using var upload = ServerFixture.Upload("order_id,customer_id,activity,timestamp\no1,c1,Order,2024-01-01T10:00:00Z\no2,c2,Order,2024-01-02T10:00:00Z\n" +
            "o3,c1,Order,2024-01-03T10:00:00Z\n", "orders.csv", ("case", "order_id"), ("lookupOn", "customer_id"));
        upload.Add(new StringContent("customer_id,state\nc1,SP\nc2,RJ\n"), "lookup", "customers.csv");

        // When they are imported joined on customer_id
        var json = await Problem.JsonAsync(await client.PostAsync("/api/v1/workspaces/lookupon/imports", upload, Token));

        // Then each order is its own case, and the state filter keeps c1's two orders
        json.GetProperty("summary").GetProperty("recordsImported").GetInt64().ShouldBe(3);
        var info = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/lookupon", Token));
        info.GetProperty("cases").GetInt64().ShouldBe(3);
        var variants = await Problem.JsonAsync(await client.GetAsync(
            "/api/v1/workspaces/lookupon/variants?filter=" + Uri.EscapeDataString("case.state == SP"), Token));
        variants.GetProperty("cases").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task Import_LookupWithDuplicateKey_Returns422NamingTheLookupFileLineAndField()
    {
        using var client = server.CreateClient();
        await CreateAsync(client, "duplookup");
        using var upload = ServerFixture.Upload("order_id,customer_id,activity,timestamp\no1,c1,Order,2024-01-01T10:00:00Z\n", "orders.csv",
            ("case", "customer_id"), ("lookupCase", "person"));
        upload.Add(new StringContent("customer_id,person\nc1,p1\nc1,p2\n"), "lookup", "customers.csv");

        using var response = await client.PostAsync("/api/v1/workspaces/duplookup/imports", upload, Token);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString()!.ShouldContain("customers.csv:3: field 'customer_id': the key 'c1' is also on line 2");
    }

    [Fact]
    public async Task KeptUpload_InspectedTwiceAndImportedById_FileSentOnceAndIdScopedToItsWorkspace()
    {
        // Given a CSV kept on the server once (the wizard's upload)
        using var client = server.CreateClient();
        await CreateAsync(client, "kept");
        await CreateAsync(client, "other");
        const string csv = "ticket,what,when\nT1,Opened,2024-01-02 10:00\nT1,Closed,2024-01-03 11:00\nT2,Opened,2024-01-04 09:00\n";
        var kept = await Problem.JsonAsync(await client.PostAsync("/api/v1/workspaces/kept/imports/uploads", ServerFixture.Upload(csv, "t.csv"), Token));
        var id = kept.GetProperty("uploadId").GetString()!;
        kept.GetProperty("fileName").GetString().ShouldBe("t.csv");

        // When it is inspected twice by id (a proposal, then the user's mapping) and imported by id, with no file part
        using var byId = new MultipartFormDataContent { { new StringContent(id), "uploadId" } };
        var proposed = await Problem.JsonAsync(await client.PostAsync("/api/v1/workspaces/kept/imports/inspect", byId, Token));
        using var mapped = new MultipartFormDataContent { { new StringContent(id), "uploadId" }, { new StringContent("when"), "timestamp" }, { new StringContent("what"), "activity" } };
        var rechecked = await Problem.JsonAsync(await client.PostAsync("/api/v1/workspaces/kept/imports/inspect", mapped, Token));
        using var import = new MultipartFormDataContent
        {
            { new StringContent(id), "uploadId" }, { new StringContent("ticket"), "case" }, { new StringContent("what"), "activity" }, { new StringContent("when"), "timestamp" },
        };
        var imported = await Problem.JsonAsync(await client.PostAsync("/api/v1/workspaces/kept/imports", import, Token));

        // Then each inspection reads the kept file, the import adds its events, and the id neither serves another workspace nor outlives its deletion
        proposed.GetProperty("fileName").GetString().ShouldBe("t.csv");
        rechecked.GetProperty("timestamps").GetProperty("parsed").GetInt32().ShouldBe(3);
        imported.GetProperty("summary").GetProperty("eventsAdded").GetInt64().ShouldBe(3);
        using var elsewhere = new MultipartFormDataContent { { new StringContent(id), "uploadId" } };
        (await Problem.ReadAsync(await client.PostAsync("/api/v1/workspaces/other/imports/inspect", elsewhere, Token), HttpStatusCode.NotFound))
            .GetProperty("title").GetString().ShouldBe("Unknown upload");
        using (var deleted = await client.DeleteAsync($"/api/v1/workspaces/kept/imports/uploads/{id}", Token))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using var again = new MultipartFormDataContent { { new StringContent(id), "uploadId" } };
        await Problem.ReadAsync(await client.PostAsync("/api/v1/workspaces/kept/imports/inspect", again, Token), HttpStatusCode.NotFound);
    }

    private static async Task CreateAsync(HttpClient client, string name)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/workspaces", new { name }, Token);
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict);
    }

    public sealed class Server : ServerFixture
    {
        protected override bool Seed => false;
    }
}
