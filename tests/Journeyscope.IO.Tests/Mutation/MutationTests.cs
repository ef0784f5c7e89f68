using System.Text;

namespace Journeyscope.IO.Tests.Mutation;

/// <summary>Runs every mutation suite alone: its memory bound reads the process-wide allocation counter.</summary>
[CollectionDefinition(nameof(MutationCollection), DisableParallelization = true)]
public sealed class MutationCollection;

/// <summary>
/// Bounded mutation testing: a few hundred seeded mutants of real and generated files per format must each end in
/// success or an <see cref="ImportException"/>, within a time and an allocation bound. JOURNEYSCOPE_FUZZ_LONG=1 runs
/// 20 times as many mutants.
/// </summary>
[Collection(nameof(MutationCollection))]
public sealed class MutationTests
{
    private static readonly bool Long = Environment.GetEnvironmentVariable("JOURNEYSCOPE_FUZZ_LONG") == "1";

    public static TheoryData<string> Formats => new(MutationSeeds.Formats);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Import_MutatedFiles_OnlyImportExceptionWithinBounds(string format)
    {
        // Given seeded mutants of this format's seed files
        using var temp = new TempFiles();
        var seeds = MutationSeeds.For(format, temp);
        var mutants = (Long ? 6000 : 300) / seeds.Count;
        var options = new ImportOptions { MaxEvents = 1_000_000, MaxDecompressedBytes = 256L << 20, MaxRows = 5_000_000 };
        var failures = new List<string>();
        var keep = Path.Combine(Path.GetTempPath(), "journeyscope-mutants", format.Replace('.', '-'));

        // When each is imported
        for (var s = 0; s < seeds.Count; s++)
        {
            var (bytes, extension) = seeds[s];
            var random = new Random(1000 * s + format.Length);
            for (var i = 0; i < mutants; i++)
            {
                var mutant = format == "xes.gz" && i % 2 == 0
                    ? MutationSeeds.Gzip(Mutator.Mutate(Decompress(bytes), random))
                    : Mutator.Mutate(bytes, random);
                var path = temp.Path($"m{s}-{i}{extension}");
                File.WriteAllBytes(path, mutant);
                var failure = MutantRunner.Run(path, options, TimeSpan.FromSeconds(5), 512L << 20);
                if (failure is not null)
                {
                    Directory.CreateDirectory(keep);
                    var kept = Path.Combine(keep, $"m{s}-{i}{extension}");
                    File.Copy(path, kept, overwrite: true);
                    failures.Add($"{failure} [{kept}]");
                }

                File.Delete(path);
            }
        }

        // Then none crashed, hung or blew its bounds
        Assert.True(failures.Count == 0, Describe(format, failures));
    }

    private static string Describe(string format, List<string> failures)
    {
        var distinct = failures.GroupBy(MutantRunner.Key).ToList();
        var text = new StringBuilder($"{format}: {failures.Count} failing mutants, {distinct.Count} distinct crashes:\n");
        foreach (var group in distinct)
        {
            text.Append("  ").Append(group.Count()).Append(" x ").Append(group.First()).Append('\n');
        }

        return text.ToString();
    }

    private static byte[] Decompress(byte[] gzip)
    {
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(gzip), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
