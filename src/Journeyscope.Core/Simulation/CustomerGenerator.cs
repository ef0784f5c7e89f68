using Journeyscope.Journeys;

namespace Journeyscope.Simulation;

/// <summary>
/// Plays the designed flow out for one customer into a <see cref="TraceBuffer"/>: sequences in order, choices by weight,
/// optional parts skipped with their drop-out probability, loops repeated, parallel branches interleaved in time. Each
/// touchpoint writes its activity, channel and resource after a delay by lane; named retail steps (payment, picking,
/// tickets, surveys...) add their money, working hours, surveys and injected problems (the partial file Retail).
/// One instance per thread; all randomness comes from the customer's own stream, so a customer's trace depends only
/// on the seed, the journey, the scenario and the customer's index.
/// </summary>
internal sealed partial class CustomerGenerator
{
    private const long Minute = TimeSpan.TicksPerMinute;
    private const long Hour = TimeSpan.TicksPerHour;
    private const long Day = TimeSpan.TicksPerDay;

    private readonly SimulationPlan _plan;
    private readonly JourneyProgram _program;
    private readonly Scenario _scenario;
    private readonly InjectedProblems _problems;
    private TraceBuffer _buffer = null!;
    private SimulationRandom _random;
    private CustomerProfile _customer;
    private int _channel;
    private bool _first;

    public CustomerGenerator(SimulationPlan plan)
    {
        _plan = plan;
        _program = plan.Program;
        _scenario = plan.Scenario;
        _problems = plan.Scenario.Problems;
    }

    public void Generate(int index, TraceBuffer buffer)
    {
        _buffer = buffer;
        _random = new SimulationRandom(_plan.Seed, index);
        _customer = new CustomerProfile
        {
            Returning = _random.Chance(_scenario.ReturningShare),
            Business = _random.Chance(_scenario.B2BShare),
            Region = (byte)_random.Pick(_plan.Regions),
            Device = (byte)_random.Pick(_plan.Devices),
            Acquisition = (byte)_random.Pick(_plan.Acquisition),
            ProductLine = (byte)_random.Pick(_plan.ProductLines),
        };
        _channel = _plan.AppDevice[_customer.Device] ? Catalog.App : Catalog.Web;
        _first = true;
        ResetRetail();

        var slot = buffer.CustomerCount++;
        buffer.CustomerStart[slot] = buffer.Count;
        Walk(_program.Root, Arrival());
        _customer.Orders = (byte)Math.Min(byte.MaxValue, _placed);
        buffer.Customers[slot] = _customer;
        buffer.CustomerStart[slot + 1] = buffer.Count;
    }

    private long Arrival()
    {
        var day = _random.Pick(_plan.DayCumulative);
        var hour = _random.Pick(_plan.HourCumulative);
        return _plan.StartTicks + (day * Day) + (hour * Hour) + _random.Minutes(0, 59);
    }

    /// <summary>Plays <paramref name="node"/> from <paramref name="t"/>; returns the time of its last event.</summary>
    private long Walk(int node, long t)
    {
        var program = _program;
        switch (program.Kind[node])
        {
            case ProcessTreeOperator.Leaf:
                var step = program.Step[node];
                return step < 0 ? t : Visit(step, t);
            case ProcessTreeOperator.Sequence:
                foreach (var child in program.Children[node])
                {
                    t = Walk(child, t);
                }

                return t;
            case ProcessTreeOperator.ExclusiveChoice:
                var options = program.Options[node];
                if (options.Length == 0 || (program.Optional[node] && SkipOptional(node)))
                {
                    return t;
                }

                return Walk(options[Choose(node)], t);
            case ProcessTreeOperator.Parallel:
                // Every branch starts together; their delays interleave the events, and the log sorts them by time.
                var end = t;
                foreach (var child in program.Children[node])
                {
                    end = Math.Max(end, Walk(child, t));
                }

                return end;
            default:
                var body = program.Children[node][0];
                var redo = program.Children[node][1];
                t = Walk(body, t);
                for (var round = 0; round < _scenario.MaxRepeats && RepeatLoop(node, ref t); round++)
                {
                    t = Walk(redo, t);
                    t = Walk(body, t);
                }

                return t;
        }
    }

    private bool SkipOptional(int node)
    {
        var skip = _program.Skip[node];
        var role = _program.OptionRole[node];
        return role == JourneyProgram.NoRole ? _random.Chance(skip) : SkipRetail(role, skip);
    }

    private int Choose(int node)
    {
        var options = _program.Options[node];
        if (options.Length == 1)
        {
            return 0;
        }

        var retail = ChooseRetail(options);
        return retail >= 0 ? retail : _random.Pick(_program.Cumulative[node]);
    }

    private bool RepeatLoop(int node, ref long t) =>
        _program.PurchaseLoop[node] ? RepeatPurchase(ref t) : _random.Chance(_program.Repeat[node]);

    private long Visit(int step, long t)
    {
        var role = _program.StepRole[step];
        if (role != JourneyProgram.NoRole)
        {
            return VisitRetail(step, role, t);
        }

        t = After(step, t);
        Emit(step, _program.StepActivity[step], t, Channel(step, _channel), _program.StepResource[step]);
        return t;
    }

    /// <summary>The time of a step's event: the arrival for the customer's first event, else after the step's delay.</summary>
    private long After(int step, long t)
    {
        if (_first)
        {
            _first = false;
            return t;
        }

        var delay = _program.StepDelay[step];
        return delay.Unit switch
        {
            DelayUnit.Minutes => t + (long)(delay.Mean * (0.5 + _random.NextDouble()) * Minute),
            DelayUnit.Hours => t + (long)(_random.Exponential(delay.Mean) * Hour),
            DelayUnit.WorkingHours => _plan.Calendar.AddWorkingHours(t, (0.1 * delay.Mean) + _random.Exponential(0.9 * delay.Mean * _plan.LoadAt(t))),
            _ => t + (long)(_random.Exponential(delay.Mean) * Day),
        };
    }

    /// <summary>The step's designed channel (or the one its conditions ask for), else <paramref name="fallback"/>.</summary>
    private int Channel(int step, int fallback) => _program.StepChannel[step] >= 0 ? _program.StepChannel[step] : fallback;

    private int Emit(int step, int activity, long t, int channel, int resource, int order = TraceBuffer.None, int ticket = TraceBuffer.None)
    {
        _first = false;
        var e = _buffer.Add(activity, t, channel, resource, order, ticket);
        _buffer.Step[e] = (short)step;
        return e;
    }
}
