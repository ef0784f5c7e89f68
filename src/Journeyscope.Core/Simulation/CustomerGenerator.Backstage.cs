namespace Journeyscope.Simulation;

/// <summary>Fulfilment, service and feedback: the backstage work in working hours, queues that grow with load.</summary>
internal sealed partial class CustomerGenerator
{
    private const double LateAfterDays = 3;

    private long Fulfil(long placed, int order)
    {
        var t = placed;
        if (_problems.Drift && placed >= _plan.DriftTicks)
        {
            t += _random.Minutes(5, 30);
            _buffer.Add(Catalog.DriftStep, t, _channel, Catalog.RiskEngine, order);
            _customer.Problems |= CustomerProfile.DriftHit;
        }

        var calendar = _plan.Calendar;
        var load = _plan.LoadAt(t);
        t = calendar.AddWorkingHours(t, 0.1 + _random.Exponential(_scenario.PickWaitHours * load));
        _buffer.Add(Catalog.PickItems, t, _channel, (short)(Catalog.FirstPicker + _random.Next(Catalog.Pickers)), order);
        t = calendar.AddWorkingHours(t, 0.2 + (0.8 * _random.NextDouble()));
        _buffer.Add(Catalog.PackParcel, t, _channel, (short)(Catalog.FirstPacker + _random.Next(Catalog.Packers)), order);

        var shipWait = 0.1 + _random.Exponential(_scenario.ShipWaitHours * load);
        if (_problems.MondayBacklog && WorkCalendar.DayOf(t) == DayOfWeek.Monday)
        {
            shipWait += _problems.MondayBacklogHours * (0.8 + (0.4 * _random.NextDouble()));
            _customer.Problems |= CustomerProfile.MondayBacklogHit;
        }

        t = calendar.AddWorkingHours(t, shipWait);
        _buffer.Add(Catalog.ShipOrder, t, _channel, Catalog.Dispatch, order);
        var carrier = (short)(Catalog.FirstCarrier + _random.Next(Catalog.Carriers));
        t = calendar.AddWorkingHours(t, 0.5 + (1.5 * _random.NextDouble()));
        _buffer.Add(Catalog.HandOverToCarrier, t, _channel, carrier, order);
        t = DeliveryTime(t + (long)((0.4 + _random.Exponential(Math.Max(0.1, _scenario.DeliveryDays - 0.4))) * Day));
        _buffer.Add(Catalog.DeliverOrder, t, _channel, carrier, order);
        if (t - placed > (long)(LateAfterDays * Day))
        {
            _pain += 2;
            _topic = SurveyPhrases.Delivery;
        }

        return t;
    }

    /// <summary>Carriers deliver Monday to Saturday between 08:00 and 20:00.</summary>
    private long DeliveryTime(long t)
    {
        var day = t - (t % Day);
        var time = t - day;
        if (time < 8 * Hour)
        {
            time = (8 * Hour) + _random.Minutes(0, 120);
        }
        else if (time >= 20 * Hour)
        {
            day += Day;
            time = (9 * Hour) + _random.Minutes(0, 240);
        }

        if (WorkCalendar.DayOf(day) == DayOfWeek.Sunday)
        {
            day += Day;
        }

        return day + time;
    }

    private long Service(long delivered, int order)
    {
        var t = delivered;
        var late = _topic == SurveyPhrases.Delivery;
        if (_random.Chance(_scenario.SupportRate * (late ? 2.5 : 1)))
        {
            t = Ticket(t, order);
        }

        if (_random.Chance(_scenario.ReturnRate * (late ? 1.5 : 1)))
        {
            t += (long)((1 + (4 * _random.NextDouble())) * Day);
            _buffer.Add(Catalog.RequestReturn, t, _channel, Catalog.Customer, order);
            t = _plan.Calendar.AddWorkingHours(t + (long)((1 + (2 * _random.NextDouble())) * Day), 0.5);
            _buffer.Add(Catalog.ReceiveReturn, t, _channel, (short)(Catalog.FirstPicker + _random.Next(Catalog.Pickers)), order);
            t = _plan.Calendar.AddWorkingHours(t, 1 + _random.Exponential(8 * _plan.LoadAt(t)));
            var refund = _buffer.Add(Catalog.IssueRefund, t, _channel, Catalog.Finance, order);
            var amount = RefundAmount(order);
            _buffer.Amount[refund] = amount;
            _customer.Revenue -= amount;
            _pain += 0.5;
        }

        return t;
    }

    private long Ticket(long t, int order)
    {
        var ticket = _tickets++;
        var channel = _customer.Business || _random.Chance(0.3) ? Catalog.Phone : _random.Chance(0.6) ? Catalog.Chat : Catalog.Email;
        t += (long)((0.3 + (2 * _random.NextDouble())) * Day);
        _buffer.Add(Catalog.ContactSupport, t, channel, Catalog.Customer, order, ticket);
        t += _random.Minutes(1, 10);
        _buffer.Add(Catalog.RouteTicket, t, channel, Catalog.TicketRouter, order, ticket);
        var escalations = _random.Chance(_scenario.EscalationRate) ? 1 : 0;
        if (_problems.DoubleEscalation && _customer.ProductLine == _plan.EscalationLine)
        {
            escalations = 2;
            _customer.Problems |= CustomerProfile.DoubleEscalationHit;
        }

        var calendar = _plan.Calendar;
        for (var e = 0; e < escalations; e++)
        {
            t = calendar.AddWorkingHours(t, 0.5 + _random.Exponential(4 * _plan.LoadAt(t)));
            _buffer.Add(Catalog.EscalateTicket, t, channel, (short)(Catalog.FirstSpecialist + _random.Next(Catalog.Specialists)), order, ticket);
        }

        t = calendar.AddWorkingHours(t, 0.5 + _random.Exponential(6 * _plan.LoadAt(t)));
        _buffer.Add(Catalog.ResolveTicket, t, channel, (short)(Catalog.FirstAgent + _random.Next(Catalog.Agents)), order, ticket);
        _pain += 0.5 + escalations;
        if (escalations > 0)
        {
            _topic = SurveyPhrases.Support;
        }

        if (_random.Chance(_scenario.SurveyResponseRate))
        {
            var score = Math.Clamp((int)Math.Round(4.7 - (0.8 * escalations) + (0.6 * _random.Normal())), 1, 5);
            var survey = _buffer.Count;
            Survey(Catalog.CsatSurvey, t + _random.Minutes(10, 240), score, 1, 5, escalations > 0 ? SurveyPhrases.Support : SurveyPhrases.General);
            _buffer.Order[survey] = (sbyte)order;
            _buffer.Ticket[survey] = (sbyte)ticket;
        }

        return t;
    }

    private double RefundAmount(int order)
    {
        for (var i = _buffer.Count - 1; i >= 0; i--)
        {
            if (_buffer.Activity[i] == Catalog.PlaceOrder && _buffer.Order[i] == order)
            {
                return Math.Round(_buffer.Amount[i] - _buffer.Discount[i], 2);
            }
        }

        return 0;
    }

    private long Feedback(long t)
    {
        if (!_random.Chance(_scenario.SurveyResponseRate))
        {
            return t;
        }

        t += (long)((1 + (6 * _random.NextDouble())) * Day);
        var score = Math.Clamp((int)Math.Round(9.2 - (1.1 * _pain) + (1.2 * _random.Normal())), 0, 10);
        Survey(Catalog.NpsSurvey, t, score, 0, 10, _topic);
        if (score >= 9 && _random.Chance(_scenario.AdvocacyRate))
        {
            t += (long)((0.5 + (3 * _random.NextDouble())) * Day);
            if (_random.Chance(0.5))
            {
                _buffer.Add(Catalog.WriteReview, t, Catalog.Social, Catalog.Customer);
            }
            else
            {
                _buffer.Add(Catalog.ReferAFriend, t, Catalog.Web, Catalog.Customer);
            }
        }

        return t;
    }
}
