using Journeyscope.IO;
using Journeyscope.Storage.Collector;
using Journeyscope.Storage.Tests.Collector;

namespace Journeyscope.Storage.Tests.Erasure;

/// <summary>
/// A workspace holding a customer to erase, reached by every path: CSV events with a marker value, a quarantined bad line
/// naming them, collector events under an anonymous id merged by identify; and two other customers.
/// </summary>
internal sealed class ErasureWorkspace : IDisposable
{
    public const string Customer = "cust-erase-001";
    public const string Anonymous = "anon-erase-7f3a";

    /// <summary>When the collected messages start: minute 0 of <see cref="Track"/> and <see cref="Identify"/>.</summary>
    private static readonly DateTimeOffset Collected = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _temp = new();

    public ErasureWorkspace()
    {
        Marker = "ZZ-MARKER-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(_temp.Path);
        Csv = System.IO.Path.Combine(_temp.Path, "orders.csv");
        File.WriteAllText(Csv,
            "case_id,activity,timestamp,channel,note,case:plan\n" +
            $"{Customer},Visit,2026-03-01T08:00:00Z,web,{Marker},gold\n" +
            $"{Customer},Buy,2026-03-01T08:05:00Z,web,paid,gold\n" +
            "cust-keep-002,Visit,2026-03-01T08:01:00Z,web,first,silver\n" +
            "cust-keep-002,Buy,2026-03-01T08:07:00Z,store,paid,silver\n" +
            "cust-keep-003,Visit,2026-03-01T08:02:00Z,app,first,gold\n" +
            $"{Customer},Refund,not-a-date,web,{Marker},gold\n" +
            "cust-keep-003,Refund,also-not-a-date,app,late,gold\n");
        Folder = System.IO.Path.Combine(_temp.Path, "ws");
    }

    /// <summary>The marker attribute value of the customer's first CSV event (and of their bad line).</summary>
    public string Marker { get; }

    /// <summary>The CSV file (outside the workspace folder).</summary>
    public string Csv { get; }

    /// <summary>The workspace folder.</summary>
    public string Folder { get; }

    /// <summary>Every id of the customer, and the marker.</summary>
    public IReadOnlyList<string> Secrets => [Customer, Anonymous, Marker];

    /// <summary>Imports the CSV and collects the anonymous browse, the identify and another visitor's events.</summary>
    public async Task FillAsync(CancellationToken cancellationToken)
    {
        using var workspace = Workspace.Open(Folder);
        await workspace.AppendAsync(EventLogFile.Import(Csv, cancellationToken: cancellationToken), "orders.csv", cancellationToken);
        await workspace.CollectAsync(CollectorMessages.Batch(
            Track("m-1", Anonymous, "Viewed product", 0),
            Track("m-2", Anonymous, "Added to cart", 1),
            Track("m-3", "anon-other-9", "Viewed product", 2),
            Identify("m-4", Customer, Anonymous, 3)), TimeSpan.FromDays(30), cancellationToken);
    }

    /// <summary>A web track by <paramref name="caseId"/>, its anonymous id, <paramref name="minute"/> minutes after the collection starts.</summary>
    public static CollectedMessage Track(string id, string caseId, string activity, int minute) =>
        CollectorMessages.Track(Collected, id, caseId, activity, minute, "web", CollectorMessages.AnonymousId(caseId));

    /// <summary>An identify linking <paramref name="anonymous"/> to <paramref name="customer"/>, <paramref name="minute"/> minutes after the collection starts.</summary>
    public static CollectedMessage Identify(string id, string customer, string anonymous, int minute) =>
        CollectorMessages.Identify(Collected, id, anonymous, customer, minute, CollectorMessages.AnonymousId(anonymous));

    public void Dispose() => _temp.Dispose();
}
