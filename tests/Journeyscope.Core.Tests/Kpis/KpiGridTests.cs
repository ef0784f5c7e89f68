using CsCheck;
using Journeyscope.Kpis;

namespace Journeyscope.Core.Tests.Kpis;

public sealed class KpiGridTests
{
    private static readonly KpiPeriod[] Periods = [KpiPeriod.None, KpiPeriod.Day, KpiPeriod.Week, KpiPeriod.Month, KpiPeriod.Quarter, KpiPeriod.Year];

    [Fact]
    public void PeriodOf_AnyMomentOverDecades_IsThePeriodHoldingIt()
    {
        var origin = new DateTime(1990, 1, 1).Ticks;
        var span = new DateTime(2060, 1, 1).Ticks - origin;
        Gen.Select(Gen.Int[0, Periods.Length - 1], Gen.Long[0, span], Gen.Long[0, span], Gen.Long[-span, 2 * span]).Sample((period, a, b, probe) =>
        {
            // Given a grid of calendar periods (a day grid over at most 3 years) between two moments of 70 years
            var kind = Periods[period];
            var (min, max) = (origin + Math.Min(a, b), origin + Math.Max(a, b));
            if (kind == KpiPeriod.Day)
            {
                max = Math.Min(max, min + (3 * 366 * TimeSpan.TicksPerDay));
            }

            var grid = KpiGrid.Create(kind, min, max, null);

            // When a moment inside, before or after the grid is placed
            var time = origin + probe;
            var p = grid.PeriodOf(time);

            // Then it lands in the period that holds it, and outside every period only when none does
            var holder = -1;
            for (var i = 0; i < grid.Starts.Length; i++)
            {
                if (time >= grid.Starts[i] && time < grid.Ends[i])
                {
                    holder = i;
                }
            }

            p.ShouldBe(holder);
        });
    }

    [Fact]
    public void Create_MonthsAndSegments_CellsInPeriodThenRankOrder()
    {
        // Given cases labelled b, a, b over March to May
        var segments = KpiSegments.FromLabels(["b", "a", "b"]);
        var grid = KpiGrid.Create(KpiPeriod.Month, new DateTime(2026, 3, 15).Ticks, new DateTime(2026, 5, 2).Ticks, segments);

        // When cells are looked up / Then periods run from March to May, labels by first appearance, cell = period × labels + label
        grid.Starts.ShouldBe([new DateTime(2026, 3, 1).Ticks, new DateTime(2026, 4, 1).Ticks, new DateTime(2026, 5, 1).Ticks]);
        grid.Labels.ShouldBe(["b", "a"]);
        grid.CellOf(1, new DateTime(2026, 4, 30, 23, 59, 59).Ticks).ShouldBe(3);
        grid.CellOf(2, new DateTime(2026, 5, 31).Ticks).ShouldBe(4);
        grid.CellOf(0, new DateTime(2026, 6, 1).Ticks).ShouldBe(-1);
        grid.CellOf(0, new DateTime(2026, 2, 28).Ticks).ShouldBe(-1);
    }
}
