using Journeyscope.Journeys;

namespace Journeyscope.Simulation;

/// <summary>
/// Simulates customers playing out a designed journey's flow, with the retail value stream's named steps and known
/// injected problems where the journey has them (see docs/simulation.md).
/// </summary>
/// <remarks>
/// Deterministic: every customer draws from its own random stream seeded by (seed, customer index), customers are
/// generated in parallel chunks and written in index order, so the same journey, scenario and options give the same
/// log whatever the number of threads. Nothing reads the clock. O(events); about a million events a few seconds.
/// </remarks>
public static partial class Simulator
{
    /// <summary>Event attribute: the order an event concerns (<c>C0000001-O1</c>).</summary>
    public const string OrderIdAttribute = "order_id";

    /// <summary>Event attribute: the support ticket an event concerns (<c>C0000001-T1</c>).</summary>
    public const string TicketIdAttribute = "ticket_id";

    /// <summary>Event attribute of <c>Place order</c>: the order value before discount.</summary>
    public const string OrderValueAttribute = "order_value";

    /// <summary>Event attribute of <c>Place order</c>: the discount granted.</summary>
    public const string DiscountAttribute = "discount";

    /// <summary>Event attribute of <c>Issue refund</c>: the refunded amount.</summary>
    public const string RefundAttribute = "refund_amount";

    /// <summary>Event attribute of surveys: the answer (NPS 0–10, CSAT 1–5, CES 1–7, higher is better).</summary>
    public const string ScoreAttribute = "score";

    /// <summary>Event attribute of surveys: the free-text comment.</summary>
    public const string CommentAttribute = "comment";

    /// <summary>Event attribute of <c>Authorise payment</c>: <c>approved</c> or <c>declined</c>.</summary>
    public const string OutcomeAttribute = "outcome";

    private const int ChunkSize = 1024;

    /// <summary>Simulates <see cref="SimulationOptions.Customers"/> customers of <paramref name="scenario"/>.</summary>
    /// <param name="journey">
    /// The designed journey: its flow (or, without one, every touchpoint in stage order) is played out per customer, and
    /// its touchpoints name the affected touchpoints in the ground truth.
    /// </param>
    /// <param name="scenario">The scenario (validated first).</param>
    /// <param name="options">Customers, seed, start and progress; <c>null</c> for the defaults.</param>
    /// <param name="cancellationToken">Checked once per chunk of customers.</param>
    /// <exception cref="ArgumentException">The scenario is invalid (the message lists every problem).</exception>
    public static SimulationResult Run(DesignedJourney journey, Scenario scenario, SimulationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= SimulationOptions.Default;
        var errors = scenario.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid scenario: " + string.Join("; ", errors), nameof(scenario));
        }

        var customers = options.Customers ?? scenario.Customers;
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        var plan = new SimulationPlan(journey, scenario, customers, options.Seed, options.Start ?? scenario.Start);
        var writer = new LogWriter(plan, customers);
        var chunks = (customers + ChunkSize - 1) / ChunkSize;
        var wave = Math.Max(2, Environment.ProcessorCount * 2);
        var buffers = new TraceBuffer[wave];
        long events = 0;
        for (var first = 0; first < chunks; first += wave)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(wave, chunks - first);
            if (options.Parallel && count > 1)
            {
                Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, i => buffers[i] = Generate(plan, first + i, customers));
            }
            else
            {
                for (var i = 0; i < count; i++)
                {
                    buffers[i] = Generate(plan, first + i, customers);
                }
            }

            for (var i = 0; i < count; i++)
            {
                writer.Write(buffers[i], (first + i) * ChunkSize);
                events += buffers[i].Count;
                buffers[i] = null!;
            }

            var done = Math.Min(customers, (long)(first + count) * ChunkSize);
            options.Progress?.Report(new SimulationProgress(done, customers, events));
        }

        var log = writer.Build();
        var truth = GroundTruthOf(journey, plan, writer.Affected);
        return new SimulationResult(log, truth);
    }

    private static TraceBuffer Generate(SimulationPlan plan, int chunk, int customers)
    {
        var first = chunk * ChunkSize;
        var count = Math.Min(ChunkSize, customers - first);
        var buffer = new TraceBuffer(count, count * 24);
        var generator = new CustomerGenerator(plan);
        for (var i = 0; i < count; i++)
        {
            generator.Generate(first + i, buffer);
        }

        return buffer;
    }
}
