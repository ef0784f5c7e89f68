using CsCheck;
using Journeyscope.IO.Tests.Flat;

namespace Journeyscope.IO.Tests.Csv;

public sealed class CsvRoundTripTests
{
    [Fact]
    public void ExportThenImport_RandomLogs_AreEqual()
    {
        Gen.Int.Sample(seed =>
        {
            // Given a random log with tricky text, offsets, typed attributes and case attributes
            var log = RandomLogs.Create(seed, timestampAttributes: true);
            using var stream = new MemoryStream();

            // When it is exported to CSV and imported again
            CsvExporter.Export(log, stream);
            stream.Position = 0;
            var result = CsvImporter.Import(stream, "roundtrip.csv", options: new ImportOptions { Mode = ImportMode.Strict });

            // Then nothing is lost
            result.Quarantine.ShouldBeEmpty();
            RandomLogs.Describe(result.Log).ShouldBe(RandomLogs.Describe(log), $"seed {seed}");
        }, iter: 200);
    }
}
