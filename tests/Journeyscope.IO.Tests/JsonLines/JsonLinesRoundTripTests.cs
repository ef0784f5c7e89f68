using CsCheck;
using Journeyscope.IO.Tests.Flat;

namespace Journeyscope.IO.Tests.JsonLines;

public sealed class JsonLinesRoundTripTests
{
    [Fact]
    public void ExportThenImport_RandomLogs_AreEqual()
    {
        Gen.Int.Sample(seed =>
        {
            // Given a random log (timestamp attributes excluded: JSON lines reads ISO strings as strings by design)
            var log = RandomLogs.Create(seed, timestampAttributes: false);
            using var stream = new MemoryStream();

            // When it is exported to JSON lines and imported again
            JsonLinesExporter.Export(log, stream);
            stream.Position = 0;
            var result = JsonLinesImporter.Import(stream, "roundtrip.jsonl", new ImportOptions { Mode = ImportMode.Strict });

            // Then nothing is lost
            result.Quarantine.ShouldBeEmpty();
            RandomLogs.Describe(result.Log).ShouldBe(RandomLogs.Describe(log), $"seed {seed}");
        }, iter: 200);
    }
}
