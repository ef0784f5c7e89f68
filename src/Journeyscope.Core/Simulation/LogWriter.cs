using Journeyscope.EventLogs;

namespace Journeyscope.Simulation;

/// <summary>Writes generated chunks into an <see cref="EventLogBuilder"/> in customer order.</summary>
internal sealed class LogWriter
{
    private readonly SimulationPlan _plan;
    private readonly EventLogBuilder _builder;
    private readonly string[] _activities;
    private readonly JourneyProgram _program;
    private readonly (int Handle, string Value)[][] _stepEventValues;
    private readonly List<string> _caseValuesSet = [];
    private readonly string _idFormat;
    private readonly int _orderId, _ticketId, _orderValue, _discount, _refund, _score, _comment, _outcome;
    private readonly int _segment, _customerType, _persona, _region, _device, _acquisition, _acquisitionCost, _productLine,
        _orders, _churned, _revenue;
    private readonly char[] _caseId = new char[32];
    private readonly char[] _objectId = new char[40];

    public LogWriter(SimulationPlan plan, int customers)
    {
        _plan = plan;
        _builder = new EventLogBuilder((int)Math.Min(int.MaxValue / 2, customers * 20L));
        _program = plan.Program;
        _activities = [.. _program.ActivityNames];
        _stepEventValues = new (int, string)[_program.StepCount][];
        for (var s = 0; s < _stepEventValues.Length; s++)
        {
            var values = new List<(int, string)>();
            foreach (var (attribute, value) in _program.StepEventValues[s])
            {
                if (!string.Equals(attribute, "channel", StringComparison.Ordinal))
                {
                    values.Add((_builder.GetEventAttributeHandle(attribute), value));
                }
            }

            _stepEventValues[s] = [.. values];
        }
        _idFormat = "D" + Math.Max(7, customers.ToString(System.Globalization.CultureInfo.InvariantCulture).Length).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _orderId = _builder.GetEventAttributeHandle(Simulator.OrderIdAttribute);
        _ticketId = _builder.GetEventAttributeHandle(Simulator.TicketIdAttribute);
        _orderValue = _builder.GetEventAttributeHandle(Simulator.OrderValueAttribute, AttributeType.Double);
        _discount = _builder.GetEventAttributeHandle(Simulator.DiscountAttribute, AttributeType.Double);
        _refund = _builder.GetEventAttributeHandle(Simulator.RefundAttribute, AttributeType.Double);
        _score = _builder.GetEventAttributeHandle(Simulator.ScoreAttribute, AttributeType.Long);
        _comment = _builder.GetEventAttributeHandle(Simulator.CommentAttribute);
        _outcome = _builder.GetEventAttributeHandle(Simulator.OutcomeAttribute);
        _segment = _builder.GetCaseAttributeHandle("segment");
        _customerType = _builder.GetCaseAttributeHandle("customer_type");
        _persona = _builder.GetCaseAttributeHandle("persona");
        _region = _builder.GetCaseAttributeHandle("region");
        _device = _builder.GetCaseAttributeHandle("device");
        _acquisition = _builder.GetCaseAttributeHandle("acquisition_channel");
        _acquisitionCost = _builder.GetCaseAttributeHandle("acquisition_cost", AttributeType.Double);
        _productLine = _builder.GetCaseAttributeHandle("product_line");
        _orders = _builder.GetCaseAttributeHandle("orders", AttributeType.Long);
        _churned = _builder.GetCaseAttributeHandle("churned", AttributeType.Boolean);
        _revenue = _builder.GetCaseAttributeHandle("revenue", AttributeType.Double);
        for (var i = 0; i < Affected.Length; i++)
        {
            Affected[i] = [];
        }
    }

    /// <summary>Affected case ids per problem bit (payment retries, Monday backlog, double escalation, skipped onboarding, drift).</summary>
    public List<string>[] Affected { get; } = new List<string>[5];

    public void Write(TraceBuffer buffer, int firstCustomer)
    {
        var scenario = _plan.Scenario;
        var channels = _program.Channels;
        var resources = _program.Resources;
        var roles = _program.ActivityRole;
        var phrases = SurveyPhrases.All;
        for (var k = 0; k < buffer.CustomerCount; k++)
        {
            var caseLength = CaseId(firstCustomer + k);
            ReadOnlySpan<char> caseId = _caseId.AsSpan(0, caseLength);
            var profile = buffer.Customers[k];
            _builder.AddCase(caseId);
            for (var e = buffer.CustomerStart[k]; e < buffer.CustomerStart[k + 1]; e++)
            {
                // Whole milliseconds, as most source systems record them.
                var ticks = buffer.Ticks[e] - (buffer.Ticks[e] % TimeSpan.TicksPerMillisecond);
                var ev = _builder.AddEvent(caseId, _activities[buffer.Activity[e]], ticks);
                _builder.SetChannel(ev, channels[buffer.Channel[e]]);
                _builder.SetResource(ev, resources[buffer.Resource[e]]);
                if (buffer.Order[e] >= 0)
                {
                    _builder.SetEventAttribute(ev, _orderId, ObjectId(caseLength, 'O', buffer.Order[e]));
                }

                if (buffer.Ticket[e] >= 0)
                {
                    _builder.SetEventAttribute(ev, _ticketId, ObjectId(caseLength, 'T', buffer.Ticket[e]));
                }

                if (buffer.Score[e] >= 0)
                {
                    _builder.SetEventAttribute(ev, _score, AttributeValue.FromLong(buffer.Score[e]));
                    _builder.SetEventAttribute(ev, _comment, phrases[buffer.Comment[e]]);
                }

                var step = buffer.Step[e];
                if (step >= 0)
                {
                    foreach (var (handle, value) in _stepEventValues[step])
                    {
                        _builder.SetEventAttribute(ev, handle, value);
                    }
                }

                var activity = roles[buffer.Activity[e]];
                if (activity == Catalog.PlaceOrder)
                {
                    _builder.SetEventAttribute(ev, _orderValue, AttributeValue.FromDouble(buffer.Amount[e]));
                    _builder.SetEventAttribute(ev, _discount, AttributeValue.FromDouble(buffer.Discount[e]));
                }
                else if (activity == Catalog.IssueRefund)
                {
                    _builder.SetEventAttribute(ev, _refund, AttributeValue.FromDouble(buffer.Amount[e]));
                }
                else if (activity == Catalog.AuthorisePayment)
                {
                    _builder.SetEventAttribute(ev, _outcome, buffer.Declined[e] ? "declined" : "approved");
                }
            }

            var acquisition = scenario.AcquisitionChannels[profile.Acquisition];
            _builder.SetCaseAttribute(caseId, _segment, AttributeValue.FromString(profile.Returning ? "returning" : "new"));
            _builder.SetCaseAttribute(caseId, _customerType, AttributeValue.FromString(profile.Business ? "B2B" : "B2C"));
            _builder.SetCaseAttribute(caseId, _persona, AttributeValue.FromString(profile.Business ? "b2b" : profile.Returning ? "returning-b2c" : "new-b2c"));
            _builder.SetCaseAttribute(caseId, _region, AttributeValue.FromString(scenario.Regions[profile.Region].Name));
            _builder.SetCaseAttribute(caseId, _device, AttributeValue.FromString(scenario.Devices[profile.Device].Name));
            _builder.SetCaseAttribute(caseId, _acquisition, AttributeValue.FromString(acquisition.Name));
            _builder.SetCaseAttribute(caseId, _acquisitionCost, AttributeValue.FromDouble(acquisition.Cost));
            _builder.SetCaseAttribute(caseId, _productLine, AttributeValue.FromString(scenario.ProductLines[profile.ProductLine].Name));
            _builder.SetCaseAttribute(caseId, _orders, AttributeValue.FromLong(profile.Orders));
            _builder.SetCaseAttribute(caseId, _churned, AttributeValue.FromBoolean(profile.Churned));
            _builder.SetCaseAttribute(caseId, _revenue, AttributeValue.FromDouble(Math.Round(profile.Revenue, 2)));
            SetConditionValues(buffer, k, caseId);
            if (profile.Problems != 0)
            {
                for (var bit = 0; bit < Affected.Length; bit++)
                {
                    if ((profile.Problems & (1 << bit)) != 0)
                    {
                        Affected[bit].Add(caseId.ToString());
                    }
                }
            }
        }
    }

    public EventLog Build() => _builder.Build();

    /// <summary>The case attribute values the rules of the case's touchpoints ask for (<c>case.x == v</c>); the first one wins.</summary>
    private void SetConditionValues(TraceBuffer buffer, int customer, ReadOnlySpan<char> caseId)
    {
        _caseValuesSet.Clear();
        for (var e = buffer.CustomerStart[customer]; e < buffer.CustomerStart[customer + 1]; e++)
        {
            var step = buffer.Step[e];
            if (step < 0)
            {
                continue;
            }

            foreach (var (attribute, value) in _program.StepCaseValues[step])
            {
                if (!_caseValuesSet.Contains(attribute))
                {
                    _caseValuesSet.Add(attribute);
                    _builder.SetCaseAttribute(caseId, attribute, AttributeValue.FromString(value));
                }
            }
        }
    }

    private int CaseId(int index)
    {
        _caseId[0] = 'C';
        index.TryFormat(_caseId.AsSpan(1), out var written, _idFormat, System.Globalization.CultureInfo.InvariantCulture);
        return written + 1;
    }

    private ReadOnlySpan<char> ObjectId(int caseLength, char kind, int number)
    {
        _caseId.AsSpan(0, caseLength).CopyTo(_objectId);
        _objectId[caseLength] = '-';
        _objectId[caseLength + 1] = kind;
        (number + 1).TryFormat(_objectId.AsSpan(caseLength + 2), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        return _objectId.AsSpan(0, caseLength + 2 + written);
    }
}
