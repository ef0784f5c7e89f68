namespace Journeyscope.Simulation;

/// <summary>
/// Generates one customer's whole journey into a <see cref="TraceBuffer"/>: discovery, account, checkout, fulfilment,
/// service, repeat purchases, surveys and advocacy. One instance per thread; all randomness comes from the customer's
/// own stream, so a customer's trace depends only on the seed, the scenario and the customer's index.
/// </summary>
internal sealed partial class CustomerGenerator
{
    private const long Minute = TimeSpan.TicksPerMinute;
    private const long Hour = TimeSpan.TicksPerHour;
    private const long Day = TimeSpan.TicksPerDay;

    private readonly SimulationPlan _plan;
    private readonly Scenario _scenario;
    private readonly InjectedProblems _problems;
    private TraceBuffer _buffer = null!;
    private SimulationRandom _random;
    private CustomerProfile _customer;
    private byte _channel;
    private double _pain;
    private int _topic;
    private int _tickets;

    public CustomerGenerator(SimulationPlan plan)
    {
        _plan = plan;
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
        _pain = 0;
        _topic = SurveyPhrases.General;
        _tickets = 0;

        var slot = buffer.CustomerCount++;
        buffer.CustomerStart[slot] = buffer.Count;
        Journey(Arrival());
        buffer.Customers[slot] = _customer;
        buffer.CustomerStart[slot + 1] = buffer.Count;
    }

    private void Journey(long t)
    {
        t = Discover(t);
        if (_random.Chance(_scenario.AwarenessDropOut))
        {
            return;
        }

        t = Acquire(t);
        if (_random.Chance(_scenario.CartDropOut))
        {
            return;
        }

        var orders = 0;
        while (true)
        {
            t = Checkout(t, orders, out var placed);
            if (!placed)
            {
                break;
            }

            t = Fulfil(t, orders);
            t = Service(t, orders);
            orders++;
            if (orders >= _scenario.MaxOrders)
            {
                break;
            }

            var repeat = _scenario.RepeatPurchaseRate * (_customer.Returning ? 1.3 : 1.0) * Math.Exp(-0.3 * _pain);
            if (!_random.Chance(repeat))
            {
                _customer.Churned = true;
                break;
            }

            var next = t + (long)(_random.Exponential(_scenario.RepeatAfterDays) * Day) + Hour;
            if (next >= _plan.EndTicks)
            {
                break;
            }

            t = Return(next, orders);
        }

        _customer.Orders = (byte)orders;
        if (orders > 0)
        {
            t = Feedback(t);
            if (_customer.Churned)
            {
                _buffer.Add(Catalog.SendWinBackEmail, t + (long)((30 + (15 * _random.NextDouble())) * Day), Catalog.Email, Catalog.MarketingAutomation);
            }
        }
    }

    private long Arrival()
    {
        var day = _random.Pick(_plan.DayCumulative);
        var hour = _random.Pick(_plan.HourCumulative);
        return _plan.StartTicks + (day * Day) + (hour * Hour) + _random.Minutes(0, 59);
    }

    private long Discover(long t)
    {
        var first = _plan.AcquisitionKind[_customer.Acquisition];
        var (channel, resource) = first switch
        {
            Catalog.SeeSocialAd => (Catalog.Social, Catalog.SocialPlatform),
            Catalog.OpenNewsletter => (Catalog.Email, Catalog.MarketingAutomation),
            Catalog.VisitStore => (Catalog.Store, (short)(Catalog.FirstStoreStaff + _random.Next(Catalog.StoreStaff))),
            _ => (Catalog.Web, Catalog.Customer),
        };
        _buffer.Add(first, t, channel, resource);
        var views = 1 + _random.Next(4);
        for (var v = 0; v < views; v++)
        {
            t += _random.Minutes(1, 8);
            _buffer.Add(Catalog.ViewProduct, t, _channel, Catalog.Customer);
        }

        return t;
    }

    private long Acquire(long t)
    {
        t += _random.Minutes(1, 5);
        _buffer.Add(Catalog.AddToCart, t, _channel, Catalog.Customer);
        if (_customer.Returning)
        {
            t += _random.Minutes(1, 3);
            _buffer.Add(Catalog.LogIn, t, _channel, Catalog.Customer);
            return t;
        }

        t += _random.Minutes(2, 6);
        _buffer.Add(Catalog.CreateAccount, t, _channel, Catalog.Customer);
        if (_problems.SkippedOnboarding && _customer.Business == _plan.SkipBusiness)
        {
            _customer.Problems |= CustomerProfile.SkippedOnboardingHit;
            _pain += 0.3;
        }
        else
        {
            _buffer.Add(Catalog.SendOnboardingEmail, t + _random.Minutes(1, 10), Catalog.Email, Catalog.MarketingAutomation);
        }

        return t;
    }

    private long Return(long t, int orders)
    {
        var views = 1 + _random.Next(2);
        for (var v = 0; v < views; v++)
        {
            _buffer.Add(Catalog.ViewProduct, t, _channel, Catalog.Customer);
            t += _random.Minutes(1, 8);
        }

        _buffer.Add(Catalog.LogIn, t, _channel, Catalog.Customer);
        if (orders == 1 && _random.Chance(0.4))
        {
            t += _random.Minutes(1, 3);
            _buffer.Add(Catalog.JoinLoyaltyProgramme, t, _channel, Catalog.Customer);
        }

        t += _random.Minutes(1, 5);
        _buffer.Add(Catalog.AddToCart, t, _channel, Catalog.Customer);
        return t;
    }

    private long Checkout(long t, int order, out bool placed)
    {
        t += _random.Minutes(2, 10);
        _buffer.Add(Catalog.StartCheckout, t, _channel, Catalog.Customer);
        if (_random.Chance(_scenario.CheckoutDropOut))
        {
            placed = false;
            return t;
        }

        var attempts = _random.Chance(_scenario.PaymentFailure) ? 2 : 1;
        if (_problems.PaymentRetries && _customer.Device == _plan.RetryDevice && _random.Chance(_problems.PaymentRetriesProbability))
        {
            attempts += _random.Chance(0.4) ? 2 : 1;
            _customer.Problems |= CustomerProfile.PaymentRetriesHit;
        }

        for (var a = 0; a < attempts; a++)
        {
            t += _random.Minutes(0.5, 3);
            var e = _buffer.Add(Catalog.AuthorisePayment, t, _channel, Catalog.PaymentGateway, order);
            _buffer.Declined[e] = a < attempts - 1;
        }

        if (attempts > 1)
        {
            _pain += 1.2 * (attempts - 1);
            _topic = SurveyPhrases.Payment;
        }

        t += _random.Minutes(0.2, 2);
        _buffer.Add(Catalog.FraudCheck, t, _channel, Catalog.RiskEngine, order);
        t += _random.Minutes(0.1, 1);
        var value = Math.Round(_random.LogNormal(_scenario.OrderValueMean * (_customer.Business ? _scenario.B2BOrderValueFactor : 1), _scenario.OrderValueSigma), 2);
        var discount = _random.Chance(_scenario.DiscountShare) ? Math.Round(value * _scenario.DiscountRate, 2) : 0;
        var placedAt = _buffer.Add(Catalog.PlaceOrder, t, _channel, Catalog.WebShop, order);
        _buffer.Amount[placedAt] = value;
        _buffer.Discount[placedAt] = discount;
        _customer.Revenue += value - discount;

        if (_random.Chance(_scenario.SurveyResponseRate))
        {
            var score = Math.Clamp((int)Math.Round(6.2 - (1.6 * (attempts - 1)) + (0.8 * _random.Normal())), 1, 7);
            Survey(Catalog.CesSurvey, t + _random.Minutes(5, 60), score, 1, 7, attempts > 1 ? SurveyPhrases.Payment : SurveyPhrases.General);
        }

        placed = true;
        return t;
    }

    private void Survey(byte activity, long t, int score, int min, int max, int topic)
    {
        var e = _buffer.Add(activity, t, Catalog.Email, Catalog.SurveyTool);
        _buffer.Score[e] = (sbyte)score;
        _buffer.Comment[e] = SurveyPhrases.Pick(SurveyPhrases.ToneOf(score, min, max), topic, ref _random);
    }
}
