using System.Text.Json;
using Journeyscope.Agenda;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Simulation;
using Journeyscope.Statistics;

namespace Journeyscope.Core.Tests.Agenda;

/// <summary>
/// The agenda's fast paths against the straightforward computation on generated logs over seeds: the one-pass table's sums
/// (totals, segments from whole cells, vectorised adds) against case-by-case sums, the agenda against the per-test reference
/// pass, and the report's single computation of the agenda and the canvas's against two separate ones.
/// </summary>
public sealed class AgendaFastPathTests
{
    public static TheoryData<int, int> Seeds() => new() { { 3, 1 }, { 11, 2 }, { 29, 3 } };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EffectTable_GeneratedLogs_SumsEqualCaseByCaseSums(int seed, int months)
    {
        // Given a retail simulation, its KPIs per case and the strata of two attributes
        var journey = RetailJourney.Create();
        var log = Simulator.Run(journey, Scenario.Default with { Months = months, Problems = InjectedProblems.All },
            new SimulationOptions { Customers = 600, Seed = seed }, TestContext.Current.CancellationToken).Log;
        var kpis = AgendaAnalysis.Measures(log, journey, []);
        var device = Codes(log, "device");
        var line = Codes(log, "product_line");
        var combined = device.Codes.Zip(line.Codes, (d, l) => (d * 16) + l).ToArray();
        var strata = new Dictionary<string, (int[] Stratum, int Count)>(StringComparer.Ordinal)
        {
            [string.Empty] = (combined, combined.Max() + 1),
            ["device"] = (line.Codes, line.Count),
            ["product_line"] = (device.Codes, device.Count),
        };
        var keys = PoissonWeights.CaseKeys(log.CaseIds);
        var bootstrap = new BootstrapOptions { Replicates = 37, Seed = seed };
        var table = EffectTable.Create(kpis, strata, keys, bootstrap, TestContext.Current.CancellationToken);
        table.ShouldNotBeNull();
        var random = new Random(seed);
        var subset = Enumerable.Range(0, log.CaseCount).Where(_ => random.NextDouble() < 0.3).ToArray();
        var eligible = Enumerable.Range(0, log.CaseCount).Select(_ => random.NextDouble() < 0.8).ToArray();
        var cellCodes = table.CellCodes(device.Codes);
        cellCodes.ShouldNotBeNull();
        kpis.Count.ShouldBeGreaterThan(3);
        for (var k = 0; k < kpis.Count; k++)
        {
            // Then every KPI's total, its sums over a subset inside and outside a comparison population, and over each device
            // equal the case-by-case sums (up to the order of additions), and a device's sums from whole cells are exactly the
            // sums over its cases
            Same(table, table.Total(k), Straightforward(kpis[k], keys, bootstrap, null, null, true), kpis[k].Kpi.Id);
            Same(table, table.Sums(k, subset, eligible, true), Straightforward(kpis[k], keys, bootstrap, subset, eligible, true), kpis[k].Kpi.Id);
            Same(table, table.Sums(k, subset, eligible, false), Straightforward(kpis[k], keys, bootstrap, subset, eligible, false), kpis[k].Kpi.Id);
            for (var code = 0; code < device.Count; code++)
            {
                var cases = Enumerable.Range(0, log.CaseCount).Where(c => device.Codes[c] == code).ToArray();
                table.CellSums(table.Total(k), cellCodes, code).ShouldBe(table.Sums(k, cases, null, true));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compute_GeneratedShops_EqualsThePerTestReferencePass(int seed, int months)
    {
        // Given a generated shop with known gaps and a retail simulation, each with its problem segment moved by the seed
        var (shop, _) = AgendaKindLogs.Generate(seed, 1500, AgendaKindLogs.Regions[seed % 4], AgendaKindLogs.Devices[seed % 3]);
        var journey = RetailJourney.Create();
        var retail = Simulator.Run(journey, Scenario.Default with { Months = months, Problems = InjectedProblems.All },
            new SimulationOptions { Customers = 1500, Seed = seed }, TestContext.Current.CancellationToken).Log;
        foreach (var (log, designed, by) in new (EventLog, DesignedJourney, string[])[]
        {
            (shop, AgendaKindLogs.Journey(), ["region", "device"]),
            (retail, journey, ["device", "product_line", "customer_type"]),
        })
        {
            // When the agenda is computed with the fast paths and with the per-test reference pass
            var options = new AgendaOptions { AdjustFor = by, Top = 100, RootCauses = 2, Bootstrap = new BootstrapOptions { Replicates = 100, Seed = seed } };
            var fast = AgendaAnalysis.Compute(log, designed, 0, options, TestContext.Current.CancellationToken);
            var reference = AgendaAnalysis.Compute(log, designed, 0, new AgendaOptions
            {
                AdjustFor = by,
                Top = 100,
                RootCauses = 2,
                Bootstrap = options.Bootstrap,
                ReferenceEffects = true,
            }, TestContext.Current.CancellationToken);

            // Then they list the same opportunities with the same customers, root causes and effects
            fast.Opportunities.Count.ShouldBeGreaterThan(3);
            fast.Opportunities.Select(o => (o.Id, o.Rank, o.Title, o.CustomersAffected, o.RootCauses.Count))
                .ShouldBe(reference.Opportunities.Select(o => (o.Id, o.Rank, o.Title, o.CustomersAffected, o.RootCauses.Count)));
            fast.CustomersAffectedTotal.ShouldBe(reference.CustomersAffectedTotal);
            var a = fast.Opportunities.SelectMany(o => o.Effects).ToList();
            var b = reference.Opportunities.SelectMany(o => o.Effects).ToList();
            a.Count.ShouldBe(b.Count);
            for (var i = 0; i < a.Count; i++)
            {
                Close(a[i].Value, b[i].Value);
                Close(a[i].Low, b[i].Low);
                Close(a[i].High, b[i].High);
                a[i].Significant.ShouldBe(b[i].Significant);
            }
        }
    }

    [Fact]
    public void ComputeViews_ReportAndCanvas_EqualTwoSeparateAgendas()
    {
        // Given a retail simulation
        var journey = RetailJourney.Create();
        var log = Simulator.Run(journey, Scenario.Default with { Months = 2, Problems = InjectedProblems.All },
            new SimulationOptions { Customers = 1500, Seed = 4 }, TestContext.Current.CancellationToken).Log;

        // When the report's agenda (top 10 with root causes) and the canvas's (top 20 without) come from one computation
        var views = AgendaAnalysis.ComputeViews(log, journey, 3, AgendaOptions.Default, [(10, 5), (20, 0)], TestContext.Current.CancellationToken);

        // Then each equals its own computation
        var agenda = AgendaAnalysis.Compute(log, journey, 3, null, TestContext.Current.CancellationToken);
        var canvas = AgendaAnalysis.Compute(log, journey, 3, new AgendaOptions { Top = 20, RootCauses = 0 }, TestContext.Current.CancellationToken);
        agenda.Opportunities.ShouldContain(o => o.RootCauses.Count > 0);
        canvas.Opportunities.Count.ShouldBeGreaterThan(agenda.Opportunities.Count);
        JsonSerializer.Serialize(views[0]).ShouldBe(JsonSerializer.Serialize(agenda));
        JsonSerializer.Serialize(views[1]).ShouldBe(JsonSerializer.Serialize(canvas));
    }

    /// <summary>Per cell-free replicate: the sums of w × numerator and w × denominator over the cases, one case at a time.</summary>
    private static double[] Straightforward(KpiCaseValues kpi, ulong[] keys, BootstrapOptions bootstrap, int[]? cases, bool[]? eligible, bool inside)
    {
        var width = bootstrap.Replicates + 1;
        var sums = new double[2 * width];
        foreach (var c in cases ?? Enumerable.Range(0, keys.Length))
        {
            double n = kpi.Numerator[c], d = kpi.Denominator[c];
            if ((n == 0 && d == 0) || (eligible is null ? !inside : eligible[c] != inside))
            {
                continue;
            }

            for (var r = 0; r < width; r++)
            {
                var w = r == 0 ? 1 : PoissonWeights.Weight(keys[c], r, bootstrap.Seed);
                sums[r] += w * n;
                sums[width + r] += w * d;
            }
        }

        return sums;
    }

    /// <summary>The table's per-cell sums added over the cells equal the straightforward sums within a relative 1e-9.</summary>
    private static void Same(EffectTable table, double[] cells, double[] expected, string kpi)
    {
        var width = table.Width;
        for (var r = 0; r < width; r++)
        {
            double numerator = 0, denominator = 0;
            for (var cell = 0; cell < table.Cells; cell++)
            {
                numerator += cells[(cell * 2 * width) + r];
                denominator += cells[(((cell * 2) + 1) * width) + r];
            }

            Close(numerator, expected[r], kpi);
            Close(denominator, expected[width + r], kpi);
        }
    }

    private static (int[] Codes, int Count) Codes(EventLog log, string attribute)
    {
        var codes = AttributeCodes.Of([.. Enumerable.Range(0, log.CaseCount).Select(c => log.FindCaseAttribute(attribute)!.GetValue(c)?.ToString())]);
        return (codes.Codes, codes.Names.Length);
    }

    private static void Close(double? x, double? y, string? what = null)
    {
        (x is null).ShouldBe(y is null, what);
        if (x is { } u && y is { } v)
        {
            Math.Abs(u - v).ShouldBeLessThanOrEqualTo(1e-9 * Math.Max(1, Math.Max(Math.Abs(u), Math.Abs(v))), what);
        }
    }
}
