using Journeyscope.Monitoring;

namespace Journeyscope.Core.Tests.Monitoring;

/// <summary>
/// Accuracy of drift detection on generated logs with drifts at known case indexes, measured as in Adams et al. (2023):
/// F1 with a lag of 200 cases and the mean detection delay, over seeds. The bounds are the ones docs/monitoring.md states.
/// </summary>
public sealed class DriftAccuracyTests
{
    private const int Cases = 3000;
    private const int Seeds = 10;

    public static TheoryData<DriftPattern> ControlFlow => new()
    {
        DriftPattern.Moved, DriftPattern.Removed, DriftPattern.Skipped, DriftPattern.Parallelised, DriftPattern.Looped, DriftPattern.Added,
    };

    [Theory]
    [MemberData(nameof(ControlFlow))]
    public void Detect_SuddenControlFlowDrift_F1AtLeast90PercentWithinTheLag(DriftPattern pattern)
    {
        // Given logs of 3,000 cases with one sudden drift between case 1,000 and 2,000
        var evaluation = new DriftEvaluation();
        for (var seed = 0; seed < Seeds; seed++)
        {
            var generator = new DriftLogGenerator((seed * 31) + (int)pattern);
            var before = generator.RandomModel();
            var after = generator.Apply(before, pattern);
            var at = 1000 + (seed * 97);
            var log = generator.Play(before, after, Cases, DriftLogGenerator.Sudden(at));

            // When drift is detected with the defaults
            var result = DriftDetector.Detect(log, cancellationToken: TestContext.Current.CancellationToken);
            evaluation.Add([at], [.. result.ChangePoints.Select(p => p.CaseIndex)]);
        }

        // Then nearly every drift is found, close to where it happened, with few false change points
        TestContext.Current.TestOutputHelper?.WriteLine($"{pattern}: {evaluation}");
        evaluation.F1.ShouldBeGreaterThanOrEqualTo(0.9, evaluation.ToString());
        evaluation.MeanDelay.ShouldBeLessThanOrEqualTo(30, evaluation.ToString());
    }

    [Fact]
    public void Detect_SuddenFrequencyChange_F1AtLeast80Percent()
    {
        // Given a choice whose first branch goes from an even share to 80 % at a known case, over seeds
        var evaluation = Evaluate(DriftPattern.Frequency, at => DriftLogGenerator.Sudden(at), at => [at]);

        // Then the adaptive windows find it
        TestContext.Current.TestOutputHelper?.WriteLine($"frequency: {evaluation}");
        evaluation.F1.ShouldBeGreaterThanOrEqualTo(0.8, evaluation.ToString());
    }

    [Fact]
    public void Detect_GradualDrift_F1AtLeast80PercentAroundTheMiddleOfTheMixing()
    {
        // Given a removed activity phased in over 400 cases (the new model's share rising linearly)
        var evaluation = Evaluate(DriftPattern.Removed, at => DriftLogGenerator.Gradual(at, 400), at => [at + 200]);

        // Then the change point lands within the lag of the middle of the mixing
        TestContext.Current.TestOutputHelper?.WriteLine($"gradual: {evaluation}");
        evaluation.F1.ShouldBeGreaterThanOrEqualTo(0.8, evaluation.ToString());
    }

    [Fact]
    public void Detect_RecurringDrift_BothChangesFound()
    {
        // Given a moved activity for 800 cases, then the old model again (A B A)
        var evaluation = Evaluate(DriftPattern.Moved, at => DriftLogGenerator.Recurring(at, at + 800), at => [at, at + 800]);

        // Then both the change and the return are found
        TestContext.Current.TestOutputHelper?.WriteLine($"recurring: {evaluation}");
        evaluation.F1.ShouldBeGreaterThanOrEqualTo(0.9, evaluation.ToString());
    }

    [Fact]
    public void Detect_NoDrift_FalseChangePointsWithinTheDocumentedRate()
    {
        // Given 50 logs of 3,000 cases from one random model each, with no drift
        var falseChangePoints = 0;
        for (var seed = 0; seed < 50; seed++)
        {
            var generator = new DriftLogGenerator(1000 + seed);
            var model = generator.RandomModel();
            var log = generator.Play(model, model, Cases, _ => 0);

            // When drift is detected with the defaults
            falseChangePoints += DriftDetector.Detect(log, cancellationToken: TestContext.Current.CancellationToken).ChangePoints.Count;
        }

        // Then the false change points stay within the documented rate (alpha 0.01 per log: at most 2 in 50 logs with margin)
        TestContext.Current.TestOutputHelper?.WriteLine($"no drift: {falseChangePoints} false change points in 50 logs");
        falseChangePoints.ShouldBeLessThanOrEqualTo(2);
    }

    private static DriftEvaluation Evaluate(DriftPattern pattern, Func<int, Func<int, double>> schedule, Func<int, int[]> truth)
    {
        var evaluation = new DriftEvaluation();
        for (var seed = 0; seed < Seeds; seed++)
        {
            var generator = new DriftLogGenerator((seed * 31) + 500 + (int)pattern);
            var before = generator.RandomModel();
            var after = generator.Apply(before, pattern);
            var at = 1003 + (seed * 53);
            var log = generator.Play(before, after, Cases, schedule(at));
            var result = DriftDetector.Detect(log, cancellationToken: TestContext.Current.CancellationToken);
            evaluation.Add(truth(at), [.. result.ChangePoints.Select(p => p.CaseIndex)]);
        }

        return evaluation;
    }
}
