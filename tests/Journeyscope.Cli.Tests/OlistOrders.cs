using Journeyscope.TestSupport;

namespace Journeyscope.Cli.Tests;

/// <summary>
/// The Olist sample's orders and customers (../shared/data/datasets/olist_sample_cabg), read from the CSVs to compute expected
/// figures, and imported through the CLI with the customers file as a lookup (docs/import.md).
/// </summary>
internal sealed class OlistOrders
{
    /// <summary>The order columns that become events (<c>--wide-timestamps</c>), in the order of an order's life.</summary>
    public static readonly string[] Steps =
    [
        "order_purchase_timestamp", "order_approved_at", "order_delivered_carrier_date", "order_delivered_customer_date", "order_estimated_delivery_date",
    ];

    private OlistOrders(string ordersFile, string customersFile)
    {
        OrdersFile = ordersFile;
        CustomersFile = customersFile;
        Orders = SharedCsv.Read(ordersFile);
        CustomerOf = SharedCsv.Read(customersFile).ToDictionary(r => r["customer_id"], StringComparer.Ordinal);
    }

    /// <summary>The orders file.</summary>
    public string OrdersFile { get; }

    /// <summary>The customers file (customer_id, customer_unique_id, city, state).</summary>
    public string CustomersFile { get; }

    /// <summary>One row per order.</summary>
    public List<Dictionary<string, string>> Orders { get; }

    /// <summary>The customers' rows by customer_id (one per order: Olist gives each order its own customer_id).</summary>
    public Dictionary<string, Dictionary<string, string>> CustomerOf { get; }

    /// <summary>Reads the sample; skips the test (fails under CI) when the shared data is missing.</summary>
    public static OlistOrders Read() => new(
        SharedData.Path("datasets/olist_sample_cabg/olist_orders_dataset.csv"),
        SharedData.Path("datasets/olist_sample_cabg/olist_customers_dataset.csv"));

    /// <summary>The person behind an order: its customer's <c>customer_unique_id</c>.</summary>
    public string UniqueCustomer(Dictionary<string, string> order) => CustomerOf[order["customer_id"]]["customer_unique_id"];

    /// <summary>
    /// <c>journeyscope import</c> of the orders into <paramref name="workspace"/> with the customers file as a lookup, in JSON;
    /// <paramref name="join"/> says how: <c>--lookup-on customer_id</c> (each order a case) or <c>--lookup-case customer_unique_id</c>
    /// with <c>--case customer_id</c> (each customer a case).
    /// </summary>
    public (int ExitCode, string Output, string Error) Import(string workspace, string caseColumn, params string[] join) =>
        CliRun.Run(["import", OrdersFile, "--workspace", workspace, "--case", caseColumn, "--wide-timestamps", .. Steps, "--lookup", CustomersFile, .. join, "--format", "json"]);
}
