using System.Text.Json;
using Journeyscope.Storage;

namespace Journeyscope.Cli.Tests;

/// <summary>
/// A join through a third file: the imported file's key is looked up in another CSV that gives the case id and case
/// attributes (Olist orders by customer_id, looked up in the customers file, form one journey per customer_unique_id).
/// </summary>
public sealed class ImportLookupCommandTests
{
    [Fact]
    public void Import_OlistOrdersLookedUpInCustomers_OneJourneyPerUniqueCustomerWithCityAndState()
    {
        // Given the Olist orders (one row per order, keyed by customer_id) and the customers file (customer_id -> customer_unique_id, city, state)
        var olist = OlistOrders.Read();
        var (customerOf, orderRows) = (olist.CustomerOf, olist.Orders);
        var expectedCases = orderRows.Select(olist.UniqueCustomer).Distinct(StringComparer.Ordinal).Count();
        var repeat = orderRows.GroupBy(olist.UniqueCustomer, StringComparer.Ordinal).First(g => g.Count() > 1);
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");

        // When the orders are imported with the customer looked up in the customers file
        var result = olist.Import(workspace, "customer_id", "--lookup-case", "customer_unique_id");

        // Then every order is imported, and a customer's orders form one journey, with city and state as case attributes
        result.ExitCode.ShouldBe(0, result.Error);
        using (var json = JsonDocument.Parse(result.Output))
        {
            var file = json.RootElement.GetProperty("files")[0];
            file.GetProperty("imported").GetInt64().ShouldBe(orderRows.Count);
            file.GetProperty("quarantined").GetInt32().ShouldBe(0);
        }

        using var store = Workspace.Open(workspace, create: false);
        var log = store.LoadEventLog(TestContext.Current.CancellationToken);
        expectedCases.ShouldBeLessThan(orderRows.Count);
        log.CaseCount.ShouldBe(expectedCases);
        var customer = log.CaseIds.ToList().IndexOf(repeat.Key);
        customer.ShouldBeGreaterThanOrEqualTo(0);
        var purchases = log.CaseActivities(customer).ToArray().Count(a => log.ActivityNames[a] == "order_purchase_timestamp");
        purchases.ShouldBe(repeat.Count());
        var first = customerOf[repeat.First()["customer_id"]];
        log.FindCaseAttribute("customer_city")!.GetValue(customer)!.Value.ToString().ShouldBe(first["customer_city"]);
        log.FindCaseAttribute("customer_state")!.GetValue(customer)!.Value.ToString().ShouldBe(first["customer_state"]);
    }

    [Fact]
    public void Import_OlistOrdersJoinedOnCustomerId_EachOrderKeepsItsJourneyWithTheCustomersState()
    {
        // Given the Olist orders (case order_id, a customer_id column) and the customers file keyed by customer_id
        var olist = OlistOrders.Read();
        var (customerOf, orderRows) = (olist.CustomerOf, olist.Orders);
        var inSp = orderRows.Count(r => customerOf[r["customer_id"]]["customer_state"] == "SP");
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");

        // When the orders are imported with the customers file joined on the orders' customer_id column
        var result = olist.Import(workspace, "order_id", "--lookup-on", "customer_id");

        // Then every order stays one journey and carries its customer's unique id, city and state as case attributes
        result.ExitCode.ShouldBe(0, result.Error);
        using var store = Workspace.Open(workspace, create: false);
        var log = store.LoadEventLog(TestContext.Current.CancellationToken);
        log.CaseCount.ShouldBe(orderRows.Count);
        var state = log.FindCaseAttribute("customer_state")!;
        var unique = log.FindCaseAttribute("customer_unique_id")!;
        var counted = 0;
        for (var c = 0; c < log.CaseCount; c++)
        {
            counted += state.GetValue(c)!.Value.ToString() == "SP" ? 1 : 0;
        }

        counted.ShouldBe(inSp);
        var row = orderRows[0];
        var first = log.CaseIds.ToList().IndexOf(row["order_id"]);
        unique.GetValue(first)!.Value.ToString().ShouldBe(customerOf[row["customer_id"]]["customer_unique_id"]);

        // And the filter on that case attribute selects exactly those orders
        var filtered = CliRun.Run("variants", "--workspace", workspace, "--filter", "case.customer_state == SP", "--format", "json");
        filtered.ExitCode.ShouldBe(0, filtered.Error);
        using var variants = JsonDocument.Parse(filtered.Output);
        variants.RootElement.GetProperty("cases").GetInt64().ShouldBe(inSp);
    }

    [Fact]
    public void Import_LookupOnMissingColumn_ExitsOneWithDidYouMean()
    {
        using var temp = new TempFolder();
        var orders = temp.File("orders.csv", "order_id,customer_id,activity,timestamp\no1,c1,Order,2024-01-01T10:00:00Z\n");
        var lookup = temp.File("customers.csv", "customer_id,city\nc1,Lyon\n");

        var result = CliRun.Run("import", orders, "--workspace", Path.Combine(temp.Path, "ws"), "--case", "order_id", "--lookup", lookup,
            "--lookup-on", "custmer_id");

        result.ExitCode.ShouldBe(1, result.Output);
        result.Error.ShouldContain("no column 'custmer_id' to join the lookup on (--lookup-on)");
        result.Error.ShouldContain("Did you mean 'customer_id'?");
    }

    [Fact]
    public void Import_LookupMissingKeys_QuarantinesAndCountsThoseRows()
    {
        // Given three orders, one of whose customers the lookup does not have
        using var temp = new TempFolder();
        var orders = temp.File("orders.csv", "order_id,customer_id,activity,timestamp\no1,c1,Order,2024-01-01T10:00:00Z\no2,c2,Order,2024-01-02T10:00:00Z\no3,c9,Order,2024-01-03T10:00:00Z\n");
        var lookup = temp.File("customers.csv", "customer_id,person,city\nc1,p1,Lyon\nc2,p1,Paris\n");
        var workspace = Path.Combine(temp.Path, "ws");

        // When they are imported through the lookup
        var result = CliRun.Run("import", orders, "--workspace", workspace, "--case", "customer_id", "--lookup", lookup, "--lookup-case", "person",
            "--format", "json");

        // Then the row without a customer is quarantined and counted (good + quarantined == read), the others join person p1
        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var file = json.RootElement.GetProperty("files")[0];
        file.GetProperty("read").GetInt64().ShouldBe(3);
        file.GetProperty("imported").GetInt64().ShouldBe(2);
        file.GetProperty("quarantined").GetInt32().ShouldBe(1);
        var reason = file.GetProperty("quarantine")[0];
        reason.GetProperty("line").GetInt64().ShouldBe(4);
        reason.GetProperty("field").GetString().ShouldBe("customer_id");
        reason.GetProperty("reason").GetString()!.ShouldContain("the key 'c9' is not in the lookup customers.csv");
        file.GetProperty("cases").GetInt32().ShouldBe(1);

        // And p1's two rows disagree on the city (Lyon, then Paris): the last is kept and a warning says so
        file.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ShouldContain(
            "lookup column 'city': 1 time(s) a case's rows gave it differing values (first: case 'p1', 'Lyon' then 'Paris'); the last row's value is kept.");
        using var store = Workspace.Open(workspace, create: false);
        var log = store.LoadEventLog(TestContext.Current.CancellationToken);
        log.FindCaseAttribute("city")!.GetValue(0)!.Value.ToString().ShouldBe("Paris");
    }

    [Fact]
    public void Import_CaseAttributeDifferingBetweenACasesRows_KeepsTheLastAndWarns()
    {
        // Given a customer whose rows give two tiers, and one whose rows agree
        using var temp = new TempFolder();
        var csv = temp.File("events.csv", "case_id,activity,timestamp,tier\nc1,Visit,2024-01-01T10:00:00Z,gold\nc1,Buy,2024-01-02T10:00:00Z,silver\n" +
            "c2,Visit,2024-01-01T10:00:00Z,gold\nc2,Buy,2024-01-02T10:00:00Z,gold\n");
        var workspace = Path.Combine(temp.Path, "ws");

        // When it is imported with tier as a case attribute
        var result = CliRun.Run("import", csv, "--workspace", workspace, "--case-attribute", "tier");

        // Then the import succeeds, the table's warnings name the attribute, the case and both values
        result.ExitCode.ShouldBe(0, result.Error);
        (result.Output + result.Error).ShouldContain("case attribute 'tier': 1 time(s) a case's rows gave it differing values (first: case 'c1', 'gold' then 'silver')");
    }

    [Fact]
    public void Import_LookupWithDuplicateKey_ExitsOneNamingTheLookupFileLineAndField()
    {
        // Given a lookup in which customer c1 is on two lines
        using var temp = new TempFolder();
        var orders = temp.File("orders.csv", "order_id,customer_id,activity,timestamp\no1,c1,Order,2024-01-01T10:00:00Z\n");
        var lookup = temp.File("customers.csv", "customer_id,person\nc1,p1\nc2,p2\nc1,p3\n");
        var workspace = Path.Combine(temp.Path, "ws");

        // When the orders are imported through it
        var result = CliRun.Run("import", orders, "--workspace", workspace, "--case", "customer_id", "--lookup", lookup, "--lookup-case", "person");

        // Then the import stops: the case of c1 would be ambiguous; nothing is written
        result.ExitCode.ShouldBe(1, result.Output);
        result.Error.ShouldContain("customers.csv:4: field 'customer_id': the key 'c1' is also on line 2");
        Directory.Exists(workspace).ShouldBeFalse();
    }

    [Fact]
    public void Import_LookupColumnMisspelt_ExitsOneWithDidYouMean()
    {
        using var temp = new TempFolder();
        var orders = temp.File("orders.csv", "order_id,customer_id,activity,timestamp\no1,c1,Order,2024-01-01T10:00:00Z\n");
        var lookup = temp.File("customers.csv", "customer_id,person\nc1,p1\n");

        var result = CliRun.Run("import", orders, "--workspace", Path.Combine(temp.Path, "ws"), "--case", "customer_id", "--lookup", lookup,
            "--lookup-case", "persn");

        result.ExitCode.ShouldBe(1, result.Output);
        result.Error.ShouldContain("the lookup has no column 'persn'");
        result.Error.ShouldContain("Did you mean 'person'?");
    }

    [Fact]
    public void Import_LookupFlagWithoutLookupFile_IsAUsageError()
    {
        using var temp = new TempFolder();
        var orders = temp.File("orders.csv", "order_id,customer_id,activity,timestamp\no1,c1,Order,2024-01-01T10:00:00Z\n");

        var result = CliRun.Run("import", orders, "--workspace", Path.Combine(temp.Path, "ws"), "--lookup-case", "person");

        result.ExitCode.ShouldBe(2, result.Output);
        result.Error.ShouldContain("--lookup-case names a column of the lookup file: give --lookup too.");
    }
}
