using Journeyscope.Monitoring;
using Journeyscope.Results;

namespace Journeyscope.Core.Tests.Monitoring;

/// <summary>The parallel feature build gives exactly the features (ids, rows, order) and results of the sequential reference.</summary>
public sealed class DriftFeaturesTests
{
    [Theory]
    [InlineData(DriftPattern.Moved, 1)]
    [InlineData(DriftPattern.Looped, 2)]
    [InlineData(DriftPattern.Parallelised, 3)]
    public void Build_GeneratedLogWithDrift_SameFeaturesAndResultAsTheReference(DriftPattern pattern, int seed)
    {
        // Given a log of 20,000 cases (several blocks per core) with a drift in the middle
        var generator = new DriftLogGenerator(seed);
        var before = generator.RandomModel();
        var log = generator.Play(before, generator.Apply(before, pattern), 20_000, DriftLogGenerator.Sudden(10_000));

        // When the features are built both ways, and drift is detected over each
        var fast = DriftFeatures.Build(log, 50, TestContext.Current.CancellationToken);
        var reference = DriftFeatures.BuildReference(log, 50, TestContext.Current.CancellationToken);
        var result = DriftDetector.Detect(log, cancellationToken: TestContext.Current.CancellationToken);
        var referenceResult = DriftDetector.Detect(log, options: new DriftOptions { ReferenceFeatures = true },
            cancellationToken: TestContext.Current.CancellationToken);

        // Then order, rows, ids and feature meanings are equal, and so are the results, byte for byte
        Assert.Equal(reference.Order, fast.Order);
        Assert.Equal(reference.Starts, fast.Starts);
        Assert.Equal(reference.Ids, fast.Ids);
        Assert.Equal(reference.Features, fast.Features);
        Assert.NotEmpty(result.ChangePoints);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(referenceResult, ResultJson.Options),
            System.Text.Json.JsonSerializer.Serialize(result, ResultJson.Options));
    }
}
