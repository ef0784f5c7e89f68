using System.Diagnostics;
using Journeyscope.IO.Tests.Mutation;

namespace Journeyscope.IO.Tests.Parquet;

/// <summary>Corrupt Parquet files found by the mutation suite (mutants of an exported real log), kept as regression cases.</summary>
public sealed class ParquetHostileTests
{
    private static string Hostile(string name) => Path.Combine(AppContext.BaseDirectory, "Parquet", "Hostile", name);

    [Fact]
    public void Import_MetadataClaimingMoreValuesThanPages_StopsQuicklyWithImportException()
    {
        // Given a 2.7 KB mutant on which the Parquet library used to spin at 100 % CPU forever
        var path = Hostile("spins-forever.parquet");
        var clock = Stopwatch.StartNew();

        // When imported on a thread we can abandon
        var ex = Bounded.Within(TimeSpan.FromSeconds(30), () => Should.Throw<ImportException>(() => ParquetImporter.Import(path)));

        // Then it ends with an ImportException well within 30 s
        ex.Reason.ShouldContain("Parquet");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Import_CorruptSizes_RejectedWithoutHugeAllocation()
    {
        // Given a 2.8 KB mutant that used to make the library allocate about 1.9 GB
        var path = Hostile("allocates-2gb.parquet");
        var before = GC.GetAllocatedBytesForCurrentThread();

        // When imported
        var ex = Should.Throw<ImportException>(() => ParquetImporter.Import(path));

        // Then it is refused as unreadable Parquet, without allocating more than 64 MiB on this thread
        ex.Reason.ShouldContain("Parquet");
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(64L << 20);
    }

    [Fact]
    public void Import_Cancelled_ThrowsOperationCanceled()
    {
        // Given the spinning mutant and a token cancelled after 200 ms
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        // When imported, Then cancellation is honoured (or the file is refused first) within 30 s
        var outcome = Bounded.Within(TimeSpan.FromSeconds(30), () =>
        {
            try
            {
                ParquetImporter.Import(Hostile("spins-forever.parquet"), cancellationToken: cancel.Token);
                return "imported";
            }
            catch (OperationCanceledException)
            {
                return "cancelled";
            }
            catch (ImportException)
            {
                return "refused";
            }
        });
        outcome.ShouldBeOneOf("cancelled", "refused");
    }

    [Fact]
    public void Import_TruncatedFooter_NamesTheFooter()
    {
        // Given a real export whose last 100 bytes are cut off
        using var temp = new TempFiles();
        var path = temp.Path("log.parquet");
        EventLogFile.Export(Flat.RandomLogs.Create(3, timestampAttributes: false), path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^100]);

        // When imported, Then the error says the magic bytes are missing (truncated)
        Should.Throw<ImportException>(() => ParquetImporter.Import(path)).Reason.ShouldContain("PAR1");
    }

    [Fact]
    public void Import_OverEventBudget_NamesTheBudgetBeforeReadingRows()
    {
        // Given a real export of more rows than the budget allows
        using var temp = new TempFiles();
        var path = temp.Path("log.parquet");
        var log = Flat.RandomLogs.Create(5, timestampAttributes: false);
        EventLogFile.Export(log, path);

        // When imported with a budget of one event
        var ex = Should.Throw<ImportException>(() => ParquetImporter.Import(path, new ImportOptions { MaxEvents = 1 }));

        // Then the error names the budget and the flag that raises it
        ex.Reason.ShouldContain("--max-events");
    }

    [Theory]
    [InlineData("page-header-spins.parquet")]
    [InlineData("page-header-allocates-1.7gb.parquet")]
    public void Import_CorruptPageHeaders_ImportExceptionWithinBounds(string name)
    {
        // Given a mutant (long mutation run) whose page header is corrupt: the library used to spin or allocate 1.7 GB on it
        var path = Hostile(name);
        var before = GC.GetTotalAllocatedBytes();

        // When imported / Then it is refused (naming the page) within 10 s without allocating more than 256 MiB
        var ex = Bounded.Within(TimeSpan.FromSeconds(10), () => Should.Throw<ImportException>(() => ParquetImporter.Import(path)));
        ex.Reason.ShouldContain("Parquet");
        ex.Reason.ShouldContain("page at byte");
        (GC.GetTotalAllocatedBytes() - before).ShouldBeLessThan(256L << 20);
    }
}
