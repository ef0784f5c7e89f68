using CsCheck;
using Journeyscope.Core.Tests.Filters;
using Journeyscope.EventLogs;
using Journeyscope.Funnels;

namespace Journeyscope.Core.Tests.Funnels;

/// <summary>The engine against a brute-force reference that enumerates every chain of every attempt.</summary>
public sealed class FunnelPropertyTests
{
    private static readonly string[] Names = ["A", "B", "C", "D", "X"];

    private static readonly Gen<EventLog> GenLog =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, 4], Gen.Int[0, 40]).Array[0, 50].Select(rows =>
        {
            var builder = new EventLogBuilder();
            foreach (var (c, a, h) in rows)
            {
                builder.AddEvent($"c{c}", Names[a], TestLogs.At(h));
            }

            return builder.Build();
        });

    private static readonly Gen<FunnelDefinition> GenDefinition =
        Gen.Select(Gen.Int[0, 3].Array[2, 4], Gen.Bool.Array[4], Gen.Int[0, 12].Array[4], Gen.Int[0, 30], Gen.Bool, Gen.Bool)
            .Select((steps, optional, windows, window, strict, exclude) =>
            {
                var list = new List<FunnelStep>();
                for (var j = 0; j < steps.Length; j++)
                {
                    list.Add(new FunnelStep(Names[steps[j]])
                    {
                        IsOptional = j > 0 && optional[j],
                        Window = windows[j] > 0 && windows[j] < 8 ? TimeSpan.FromHours(windows[j]) : null,
                    });
                }

                return new FunnelDefinition(list)
                {
                    StrictOrder = strict,
                    Window = window > 0 && window < 20 ? TimeSpan.FromHours(window) : null,
                    Exclusions = exclude ? [new FunnelExclusion(new FunnelStep("X"), 0, list.Count - 1)] : [],
                };
            });

    [Fact]
    public void Compute_RandomLogsAndFunnels_DepthEqualsBruteForce() =>
        Gen.Select(GenLog, GenDefinition).Sample((log, definition) =>
        {
            var result = FunnelAnalysis.Compute(log, definition, maxDegreeOfParallelism: 2, TestContext.Current.CancellationToken);
            for (var c = 0; c < log.CaseCount; c++)
            {
                result.DepthOf(c).ShouldBe(ReferenceDepth(log, c, definition), $"case {log.CaseIds[c]}");
            }

            for (var j = 0; j < definition.Steps.Count; j++)
            {
                var reaching = Enumerable.Range(0, log.CaseCount).Count(c => result.DepthOf(c) >= j);
                result.Steps[j].Entered.ShouldBe(reaching);
            }
        }, iter: 400);

    [Fact]
    public void Compute_AnyChunking_GivesTheSameResult() =>
        Gen.Select(GenLog, GenDefinition).Sample((log, definition) =>
        {
            var one = FunnelAnalysis.Compute(log, definition, maxDegreeOfParallelism: 1, TestContext.Current.CancellationToken);
            var many = FunnelAnalysis.Compute(log, definition, maxDegreeOfParallelism: 4, TestContext.Current.CancellationToken);
            many.Steps.ShouldBe(one.Steps);
        }, iter: 100);

    /// <summary>The deepest step of the case: every attempt, every chain, the exclusion checked against the depth reached so far.</summary>
    private static int ReferenceDepth(EventLog log, int c, FunnelDefinition d)
    {
        var acts = TestLogs.Sequence(log, c);
        var ts = log.CaseTimestamps(c).ToArray();
        var best = -1;
        for (var s = 0; s < acts.Length; s++)
        {
            if (!d.Steps[0].Activities.Contains(acts[s]))
            {
                continue;
            }

            // The attempt sees events up to the first exclusion that hits while the depth so far is in range, or the window's end.
            var end = s + 1;
            var depth = 0;
            while (end < acts.Length && (d.Window is null || ts[end] - ts[s] <= d.Window.Value.Ticks))
            {
                if (d.Exclusions.Any(x => x.Event.Activities.Contains(acts[end]) && depth >= x.FromStep && depth < (x.ToStep ?? d.Steps.Count - 1)))
                {
                    break;
                }

                end++;
                depth = Math.Max(depth, Chains(d, acts, ts, s, end, 0, s));
            }

            best = Math.Max(best, depth);
        }

        return best;
    }

    /// <summary>The deepest step any chain reaches using events in (last, end), having matched step <paramref name="step"/> at <paramref name="last"/>.</summary>
    private static int Chains(FunnelDefinition d, string[] acts, long[] ts, int start, int end, int step, int last)
    {
        var best = step;
        for (var next = step + 1; next < d.Steps.Count; next++)
        {
            for (var e = last + 1; e < end; e++)
            {
                if (d.StrictOrder && e != last + 1)
                {
                    break;
                }

                if (d.Exclusions.Any(x => x.Event.Activities.Contains(acts[e])))
                {
                    continue;
                }

                var w = d.Steps[next].Window;
                if (d.Steps[next].Activities.Contains(acts[e]) && (w is null || ts[e] - ts[last] <= w.Value.Ticks))
                {
                    best = Math.Max(best, Chains(d, acts, ts, start, end, next, e));
                }
            }

            if (!d.Steps[next].IsOptional)
            {
                break;
            }
        }

        return best;
    }
}
