using Journeyscope.EventLogs;
using Parquet;
using Parquet.Schema;

namespace Journeyscope.IO.Tests.Parquet;

public sealed class ParquetImporterTests
{
    [Fact]
    public void Import_EmptyFile_ThrowsImportException()
    {
        // Given an empty file
        using var temp = new TempFiles();
        var path = temp.Write("empty.parquet", string.Empty);

        // When imported, Then the error says it is empty
        Should.Throw<ImportException>(() => Import(path)).Message.ShouldContain("empty");
    }

    [Fact]
    public void Import_NotParquet_ThrowsImportException()
    {
        // Given a CSV file named .parquet
        using var temp = new TempFiles();
        var path = temp.Write("fake.parquet", "case_id,activity,timestamp\nc1,a,2024-01-01T00:00:00Z\n");

        // When imported, Then the error says it is not Parquet
        Should.Throw<ImportException>(() => Import(path)).Message.ShouldContain("not a readable Parquet file");
    }

    [Fact]
    public async Task Import_MissingActivityColumn_ThrowsNamingIt()
    {
        // Given a Parquet file without an activity column
        using var temp = new TempFiles();
        var path = temp.Path("no-activity.parquet");
        var caseId = new DataField<string>("case_id");
        var timestamp = new DataField<DateTime>("timestamp");
        await WriteAsync(path, new ParquetSchema(caseId, timestamp), async group =>
        {
            await group.WriteAsync(caseId, ["c1"]);
            await group.WriteAsync<DateTime>(timestamp, new ReadOnlyMemory<DateTime>([DateTime.UtcNow]));
        });

        // When imported, Then the missing column is named
        var error = Should.Throw<ImportException>(() => Import(path));
        error.Field.ShouldBe("activity");
        error.Message.ShouldContain("required column 'activity' is missing");
    }

    [Fact]
    public async Task Import_ForeignTypesAndBadRows_ConvertsAndQuarantines()
    {
        // Given a file written by another tool: text timestamps, int32 and float columns, a row without case id
        using var temp = new TempFiles();
        var path = temp.Path("foreign.parquet");
        var caseId = new DataField<string>("case_id", true);
        var activity = new DataField<string>("activity");
        var timestamp = new DataField<string>("timestamp");
        var count = new DataField<int>("count", true);
        var ratio = new DataField<float>("ratio");
        var tier = new DataField<string>("case:tier", true);
        await WriteAsync(path, new ParquetSchema(caseId, activity, timestamp, count, ratio, tier), async group =>
        {
            await group.WriteAsync(caseId, ["c1", null!, "c1", "c2"]);
            await group.WriteAsync(activity, ["a", "b", "c", "d"]);
            await group.WriteAsync(timestamp, ["2024-01-01T10:00:00+02:00", "2024-01-01T11:00:00Z", "not a time", "2024-01-02T00:00:00Z"]);
            await group.WriteAsync<int>(count, new ReadOnlyMemory<int?>([1, 2, null, 4]));
            await group.WriteAsync<float>(ratio, new ReadOnlyMemory<float>([0.5f, 1f, 1.5f, 2f]));
            await group.WriteAsync(tier, ["gold", null!, null!, "silver"]);
        });

        // When imported leniently
        var result = Import(path);

        // Then good rows become typed events and the two bad rows are quarantined with their row numbers
        result.Format.ShouldBe("parquet");
        result.RecordsRead.ShouldBe(4);
        result.Quarantine.Select(q => (q.Line, q.Field)).ShouldBe([(2L, "case_id"), (3L, "timestamp")]);
        var log = result.Log;
        log.EventCount.ShouldBe(2);
        log.GetTimestamp(0).ShouldBe(new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.FromHours(2)));
        log.GetTimestamp(0).Offset.ShouldBe(TimeSpan.FromHours(2));
        log.FindEventAttribute("count")!.GetValue(0).ShouldBe(AttributeValue.FromLong(1));
        log.FindEventAttribute("ratio")!.GetValue(1).ShouldBe(AttributeValue.FromDouble(2.0));
        log.FindCaseAttribute("tier")!.GetValue(1).ShouldBe(AttributeValue.FromString("silver"));

        // And strict mode stops at row 2
        Should.Throw<ImportException>(() => ParquetImporter.Import(path, new ImportOptions { Mode = ImportMode.Strict }, TestContext.Current.CancellationToken))
            .Line.ShouldBe(2);
    }

    private static ImportResult Import(string path) =>
        ParquetImporter.Import(path, cancellationToken: TestContext.Current.CancellationToken);

    private static async Task WriteAsync(string path, ParquetSchema schema, Func<ParquetRowGroupWriter, Task> write)
    {
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: TestContext.Current.CancellationToken);
        using var group = writer.CreateRowGroup();
        await write(group);
    }
}
