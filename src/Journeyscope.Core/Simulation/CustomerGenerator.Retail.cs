namespace Journeyscope.Simulation;

/// <summary>
/// The named retail steps: when the journey has a touchpoint whose activity is one of <see cref="RetailActivities"/>,
/// playing it adds the retail value stream's behaviour (acquisition channels, declined payments, money, working-hours
/// queues, carriers, tickets, returns, surveys whose scores follow the experience, repeat purchases and churn) and the
/// injected problems. Other touchpoints play generically. An explicit delay in the scenario overrides a step's own timing.
/// </summary>
internal sealed partial class CustomerGenerator
{
    /// <summary>
    /// The delivery promise: 3 working days, counted like the journey's <c>delivery-3d</c> time target (24 working hours of
    /// <see cref="Performance.BusinessCalendar.Standard"/>, Monday to Friday 09:00–17:00). A customer feels a delivery as late
    /// against the promise the shop made, so the pain of a late parcel and the designed target are the same clock.
    /// </summary>
    private static readonly TimeSpan Promise = TimeSpan.FromHours(24);

    /// <summary>Without the onboarding email a new customer is this much as likely to buy again (the email is what brings them back).</summary>
    private const double NoOnboardingRepeatFactor = 0.5;

    /// <summary>Mean working hours an order waits for the drift's new step, at average load.</summary>
    private const double DriftWaitHours = 4;

    private double _pain;
    private int _topic;
    private int _placed;
    private int _attempts;
    private int _tickets;
    private int _ticket;
    private int _ticketChannel;
    private int _escalations;
    private bool _chase;
    private int _carrier;
    private int _nps;
    private long _placedAt;
    private double _lastNet;
    private bool _late;
    private bool _joined;
    private double _repeatFactor;

    private void ResetRetail()
    {
        _pain = 0;
        _topic = SurveyPhrases.General;
        _placed = 0;
        _attempts = 1;
        _tickets = 0;
        _ticket = TraceBuffer.None;
        _ticketChannel = Catalog.Phone;
        _escalations = 0;
        _chase = false;
        _carrier = Catalog.FirstCarrier;
        _nps = -1;
        _placedAt = 0;
        _lastNet = 0;
        _late = false;
        _joined = false;
        _repeatFactor = 1;
    }

    /// <summary>The step's time: its own retail timing <paramref name="at"/>, unless it is the first event or the scenario sets a delay.</summary>
    private long Time(int step, long t, long at) => _first || _program.StepExplicitDelay[step] ? After(step, t) : at;

    private long VisitRetail(int step, byte role, long t)
    {
        var activity = _program.StepActivity[step];
        var channel = Channel(step, _channel);
        var order = _placed - 1;
        var calendar = _plan.Calendar;
        switch (role)
        {
            case Catalog.Search or Catalog.SeeSocialAd or Catalog.OpenNewsletter or Catalog.FollowReferralLink or Catalog.VisitStore:
                return Discover(step, t);
            case Catalog.ViewProduct:
                t = Time(step, t, t + _random.Minutes(1, 8));
                Emit(step, activity, t, channel, Catalog.Customer);
                return t;
            case Catalog.AddToCart:
                t = Time(step, t, t + _random.Minutes(1, 5));
                Emit(step, activity, t, channel, Catalog.Customer);
                return t;
            case Catalog.LogIn or Catalog.JoinLoyaltyProgramme:
                t = Time(step, t, t + _random.Minutes(1, 3));
                Emit(step, activity, t, channel, Catalog.Customer);
                _joined |= role == Catalog.JoinLoyaltyProgramme;
                return t;
            case Catalog.CreateAccount:
                t = Time(step, t, t + _random.Minutes(2, 6));
                Emit(step, activity, t, channel, Catalog.Customer);
                return t;
            case Catalog.SendOnboardingEmail:
                if (_problems.SkippedOnboarding && _customer.Business == _plan.SkipBusiness)
                {
                    _customer.Problems |= CustomerProfile.SkippedOnboardingHit;
                    _repeatFactor = NoOnboardingRepeatFactor;
                    return t;
                }

                t = Time(step, t, t + _random.Minutes(1, 3));
                Emit(step, activity, t, Channel(step, Catalog.Email), Catalog.MarketingAutomation);
                return t;
            case Catalog.StartCheckout:
                t = Time(step, t, t + _random.Minutes(2, 10));
                Emit(step, activity, t, channel, Catalog.Customer);
                return t;
            case Catalog.AuthorisePayment:
                return Pay(step, activity, channel, t);
            case Catalog.FraudCheck:
                t = Time(step, t, t + _random.Minutes(0.2, 2));
                Emit(step, activity, t, channel, Catalog.RiskEngine, _placed);
                return t;
            case Catalog.PlaceOrder:
                return PlaceOrder(step, activity, channel, t);
            case Catalog.CesSurvey:
                t = Time(step, t, t + _random.Minutes(5, 60));
                var ces = Math.Clamp((int)Math.Round(6.2 - (1.6 * (_attempts - 1)) + (0.8 * _random.Normal())), 1, 7);
                Survey(step, activity, t, ces, 1, 7, _attempts > 1 ? SurveyPhrases.Payment : SurveyPhrases.General);
                return t;
            case Catalog.PickItems:
                return Pick(step, activity, channel, t, order);
            case Catalog.PackParcel:
                t = Time(step, t, calendar.AddWorkingHours(t, 0.2 + (0.8 * _random.NextDouble())));
                Emit(step, activity, t, channel, Catalog.FirstPacker + _random.Next(Catalog.Packers), order);
                return t;
            case Catalog.ShipOrder:
                return Ship(step, activity, channel, t, order);
            case Catalog.HandOverToCarrier:
                _carrier = Catalog.FirstCarrier + _random.Next(Catalog.Carriers);
                t = Time(step, t, calendar.AddWorkingHours(t, 0.5 + (1.5 * _random.NextDouble())));
                Emit(step, activity, t, channel, _carrier, order);
                return t;
            case Catalog.DeliverOrder:
                // Carrier transit: a log-normal around the scenario's mean days (most parcels the next day or the one after, a
                // thin tail of slow ones), not an exponential whose tail misses any promise for one parcel in six.
                t = Time(step, t, DeliveryTime(t + (long)((0.4 + _random.LogNormal(Math.Max(0.1, _scenario.DeliveryDays - 0.4), 0.3)) * Day)));
                Emit(step, activity, t, channel, _carrier, order);
                _late = Performance.BusinessCalendar.Standard.Duration(_placedAt, t) > Promise;
                if (_late)
                {
                    _pain += 2;
                    _topic = SurveyPhrases.Delivery;
                }

                return t;
            case Catalog.ContactSupport or Catalog.RouteTicket or Catalog.EscalateTicket or Catalog.ResolveTicket or Catalog.CsatSurvey:
                return Ticket(step, role, activity, t, order);
            case Catalog.RequestReturn:
                t = Time(step, t, t + (long)((1 + (4 * _random.NextDouble())) * Day));
                Emit(step, activity, t, channel, Catalog.Customer, order);
                return t;
            case Catalog.ReceiveReturn:
                t = Time(step, t, calendar.AddWorkingHours(t + (long)((1 + (2 * _random.NextDouble())) * Day), 0.5));
                Emit(step, activity, t, channel, Catalog.FirstPicker + _random.Next(Catalog.Pickers), order);
                return t;
            case Catalog.IssueRefund:
                t = Time(step, t, calendar.AddWorkingHours(t, 1 + _random.Exponential(8 * _plan.LoadAt(t))));
                var refund = Emit(step, activity, t, channel, Catalog.Finance, order);
                _buffer.Amount[refund] = _lastNet;
                _customer.Revenue -= _lastNet;
                _pain += 0.5;
                return t;
            case Catalog.SendWinBackEmail:
                t = Time(step, t, t + (long)((30 + (15 * _random.NextDouble())) * Day));
                Emit(step, activity, t, Channel(step, Catalog.Email), Catalog.MarketingAutomation);
                return t;
            case Catalog.NpsSurvey:
                t = Time(step, t, t + (long)((1 + (6 * _random.NextDouble())) * Day));
                _nps = Math.Clamp((int)Math.Round(9.2 - (1.1 * _pain) + (1.2 * _random.Normal())), 0, 10);
                Survey(step, activity, t, _nps, 0, 10, _topic);
                return t;
            default:
                // Write review, Refer a friend.
                t = Time(step, t, t + (long)((0.5 + (3 * _random.NextDouble())) * Day));
                Emit(step, activity, t, Channel(step, role == Catalog.WriteReview ? Catalog.Social : Catalog.Web), Catalog.Customer);
                return t;
        }
    }

    /// <summary>The first contact: the acquisition channel picks the activity among the touchpoint's, its channel and resource.</summary>
    private long Discover(int step, long t)
    {
        var kind = _plan.AcquisitionKind[_customer.Acquisition];
        var activity = _program.StepActivity[step];
        foreach (var candidate in _program.StepActivities[step])
        {
            if (_program.ActivityRole[candidate] == kind)
            {
                activity = candidate;
                break;
            }
        }

        var (channel, resource) = _program.ActivityRole[activity] switch
        {
            Catalog.SeeSocialAd => ((int)Catalog.Social, (int)Catalog.SocialPlatform),
            Catalog.OpenNewsletter => (Catalog.Email, Catalog.MarketingAutomation),
            Catalog.VisitStore => (Catalog.Store, Catalog.FirstStoreStaff + _random.Next(Catalog.StoreStaff)),
            _ => (Catalog.Web, Catalog.Customer),
        };
        t = Time(step, t, t + _random.Minutes(1, 8));
        Emit(step, activity, t, channel, resource);
        return t;
    }

    private long Pay(int step, int activity, int channel, long t)
    {
        _attempts = _random.Chance(_scenario.PaymentFailure) ? 2 : 1;
        if (_problems.PaymentRetries && _customer.Device == _plan.RetryDevice && t < _plan.RetriesFixedTicks && _random.Chance(_problems.PaymentRetriesProbability))
        {
            _attempts += _random.Chance(0.4) ? 2 : 1;
            _customer.Problems |= CustomerProfile.PaymentRetriesHit;
        }

        for (var a = 0; a < _attempts; a++)
        {
            t = Time(step, t, t + _random.Minutes(0.5, 3));
            var e = Emit(step, activity, t, channel, Catalog.PaymentGateway, _placed);
            _buffer.Declined[e] = a < _attempts - 1;
        }

        if (_attempts > 1)
        {
            _pain += 1.2 * (_attempts - 1);
            _topic = SurveyPhrases.Payment;
        }

        return t;
    }

    private long PlaceOrder(int step, int activity, int channel, long t)
    {
        t = Time(step, t, t + _random.Minutes(0.1, 1));
        var value = Math.Round(_random.LogNormal(_scenario.OrderValueMean * (_customer.Business ? _scenario.B2BOrderValueFactor : 1), _scenario.OrderValueSigma), 2);
        var discount = _random.Chance(_scenario.DiscountShare) ? Math.Round(value * _scenario.DiscountRate, 2) : 0;
        var e = Emit(step, activity, t, channel, Catalog.WebShop, _placed);
        _buffer.Amount[e] = value;
        _buffer.Discount[e] = discount;
        _customer.Revenue += value - discount;
        _lastNet = Math.Round(value - discount, 2);
        _placedAt = t;
        _placed++;
        _late = false;
        return t;
    }

    private long Pick(int step, int activity, int channel, long t, int order)
    {
        if (_problems.Drift && _placedAt >= _plan.DriftTicks && _placed > 0)
        {
            // The new step is a backstage check with its own working-hours queue (about half a working day at average load):
            // the order waits for it before it can be picked.
            t = _plan.Calendar.AddWorkingHours(t, 0.5 + _random.Exponential(DriftWaitHours * _plan.LoadAt(t)));
            _buffer.Add(_program.DriftActivity, t, channel, Catalog.RiskEngine, order);
            _customer.Problems |= CustomerProfile.DriftHit;
        }

        t = Time(step, t, _plan.Calendar.AddWorkingHours(t, 0.1 + _random.Exponential(_scenario.PickWaitHours * _plan.LoadAt(t))));
        Emit(step, activity, t, channel, Catalog.FirstPicker + _random.Next(Catalog.Pickers), order);
        return t;
    }

    private long Ship(int step, int activity, int channel, long t, int order)
    {
        var wait = 0.1 + _random.Exponential(_scenario.ShipWaitHours * _plan.LoadAt(t));
        if (_problems.MondayBacklog && WorkCalendar.DayOf(t) == DayOfWeek.Monday)
        {
            wait += _problems.MondayBacklogHours * (0.8 + (0.4 * _random.NextDouble()));
            _customer.Problems |= CustomerProfile.MondayBacklogHit;
        }

        t = Time(step, t, _plan.Calendar.AddWorkingHours(t, wait));
        Emit(step, activity, t, channel, Catalog.Dispatch, order);
        return t;
    }

    private long Ticket(int step, byte role, int activity, long t, int order)
    {
        var calendar = _plan.Calendar;
        switch (role)
        {
            case Catalog.ContactSupport when _chase:
                // An escalated ticket is not solved at the first contact: the customer chases it (the flow's contact after
                // escalate), on the same channel and ticket, while the specialist works on it; first-contact resolution
                // counts this second contact.
                _chase = false;
                t = Time(step, t, t + _random.Minutes(30, 8 * 60));
                Emit(step, activity, t, _ticketChannel, Catalog.Customer, order, _ticket);
                return t;
            case Catalog.ContactSupport:
                _ticket = _tickets++;
                _escalations = 0;
                _ticketChannel = _customer.Business || _random.Chance(0.3) ? Catalog.Phone : _random.Chance(0.6) ? Catalog.Chat : Catalog.Email;
                t = Time(step, t, t + (long)((0.3 + (2 * _random.NextDouble())) * Day));
                Emit(step, activity, t, _ticketChannel, Catalog.Customer, order, _ticket);
                return t;
            case Catalog.RouteTicket:
                t = Time(step, t, t + _random.Minutes(1, 10));
                Emit(step, activity, t, _ticketChannel, Catalog.TicketRouter, order, _ticket);
                return t;
            case Catalog.EscalateTicket:
                var count = _problems.DoubleEscalation && _customer.ProductLine == _plan.EscalationLine ? 2 : 1;
                for (var i = 0; i < count; i++)
                {
                    t = Time(step, t, calendar.AddWorkingHours(t, 0.5 + _random.Exponential(3 * _plan.LoadAt(t))));
                    Emit(step, activity, t, _ticketChannel, Catalog.FirstSpecialist + _random.Next(Catalog.Specialists), order, _ticket);
                }

                _escalations += count;
                _chase = true;
                return t;
            case Catalog.ResolveTicket:
                _chase = false;
                t = Time(step, t, calendar.AddWorkingHours(t, 0.5 + _random.Exponential(2 * _plan.LoadAt(t))));
                Emit(step, activity, t, _ticketChannel, Catalog.FirstAgent + _random.Next(Catalog.Agents), order, _ticket);
                _pain += 0.5 + _escalations;
                if (_escalations > 0)
                {
                    _topic = SurveyPhrases.Support;
                }

                return t;
            default:
                t = Time(step, t, t + _random.Minutes(10, 240));
                var csat = Math.Clamp((int)Math.Round(4.7 - (0.8 * _escalations) + (0.6 * _random.Normal())), 1, 5);
                Survey(step, activity, t, csat, 1, 5, _escalations > 0 ? SurveyPhrases.Support : SurveyPhrases.General, order, _ticket);
                return t;
        }
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

    private void Survey(int step, int activity, long t, int score, int min, int max, int topic, int order = TraceBuffer.None, int ticket = TraceBuffer.None)
    {
        var e = Emit(step, activity, t, Channel(step, Catalog.Email), Catalog.SurveyTool, order, ticket);
        _buffer.Score[e] = (sbyte)score;
        _buffer.Comment[e] = SurveyPhrases.Pick(SurveyPhrases.ToneOf(score, min, max), topic, ref _random);
    }

    /// <summary>Whether to skip an optional part that begins with a named retail step (experience changes the odds).</summary>
    private bool SkipRetail(byte role, double skip) => role switch
    {
        Catalog.ContactSupport when _chase => false,
        Catalog.ContactSupport => !_random.Chance((1 - skip) * (_late ? 2.5 : 1)),
        Catalog.RequestReturn => !_random.Chance((1 - skip) * (_late ? 1.5 : 1)),
        Catalog.EscalateTicket when _problems.DoubleEscalation && _customer.ProductLine == _plan.EscalationLine => ForcedEscalation(),
        Catalog.CesSurvey or Catalog.CsatSurvey or Catalog.NpsSurvey => !_random.Chance(_scenario.SurveyResponseRate),
        Catalog.WriteReview or Catalog.ReferAFriend => !(_nps >= 9 && _random.Chance(_scenario.AdvocacyRate)),
        Catalog.SendWinBackEmail => !_customer.Churned,
        Catalog.JoinLoyaltyProgramme => _joined || _placed != 1 || _random.Chance(skip),
        _ => _random.Chance(skip),
    };

    private bool ForcedEscalation()
    {
        _customer.Problems |= CustomerProfile.DoubleEscalationHit;
        return false;
    }

    /// <summary>New customers create an account, returning ones log in: the branch beginning with the right step, else -1.</summary>
    private int ChooseRetail(int[] options)
    {
        var wanted = _customer.Returning ? Catalog.LogIn : Catalog.CreateAccount;
        var other = _customer.Returning ? Catalog.CreateAccount : Catalog.LogIn;
        var found = -1;
        var hasOther = false;
        for (var i = 0; i < options.Length; i++)
        {
            var first = _program.FirstStep[options[i]];
            var role = first >= 0 ? _program.StepRole[first] : JourneyProgram.NoRole;
            if (role == wanted && found < 0)
            {
                found = i;
            }

            hasOther |= role == other;
        }

        return hasOther ? found : -1;
    }

    /// <summary>Buys again? Likelier for returning customers, less likely with pain; a customer who does not is churned.</summary>
    private bool RepeatPurchase(ref long t)
    {
        if (_placed == 0 || _placed >= _scenario.MaxOrders)
        {
            return false;
        }

        var repeat = _scenario.RepeatPurchaseRate * (_customer.Returning ? 1.3 : 1.0) * _repeatFactor * Math.Exp(-0.3 * _pain);
        if (!_random.Chance(repeat))
        {
            _customer.Churned = true;
            return false;
        }

        // A customer who arrived in the arrival period is followed to the end of the journey, a repeat purchase after the
        // period included, as every other step already is: cutting repeats at the period's end would make the last weeks'
        // customers buy again less often than the rest (a censoring that drift detection rightly reports as a change).
        t += (long)(_random.Exponential(_scenario.RepeatAfterDays) * Day) + Hour;
        return true;
    }
}
