namespace Journeyscope.Simulation;

/// <summary>A validated scenario turned into the tables the generator samples from.</summary>
internal sealed class SimulationPlan
{
    public SimulationPlan(Journeys.DesignedJourney journey, Scenario scenario, int customers, int seed, DateTimeOffset start)
    {
        Program = new JourneyProgram(journey, scenario);
        Scenario = scenario;
        Customers = customers;
        Seed = seed;
        var startDay = start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerDay);
        StartTicks = startDay;
        var end = new DateTimeOffset(startDay, TimeSpan.Zero).AddMonths(scenario.Months);
        EndTicks = end.UtcTicks;
        Days = (int)((EndTicks - StartTicks) / TimeSpan.TicksPerDay);

        var weekdayMean = 0.0;
        for (var d = 0; d < 7; d++)
        {
            weekdayMean += scenario.WeekdayWeights[d] / 7;
        }

        DayCumulative = new double[Days];
        Load = new double[Days];
        var total = 0.0;
        for (var d = 0; d < Days; d++)
        {
            var dayTicks = StartTicks + (d * TimeSpan.TicksPerDay);
            var weekday = WorkCalendar.DayOf(dayTicks);
            var monday = ((int)weekday + 6) % 7;
            var trend = 1 + (scenario.Growth * d / Days);
            var weight = scenario.WeekdayWeights[monday] * trend;
            Load[d] = weight / weekdayMean;
            total += weight;
            DayCumulative[d] = total;
        }

        HourCumulative = Cumulative(scenario.HourWeights);
        Regions = Cumulative(scenario.Regions);
        Devices = Cumulative(scenario.Devices);
        Acquisition = Cumulative(scenario.AcquisitionChannels);
        ProductLines = Cumulative(scenario.ProductLines);
        Calendar = new WorkCalendar(scenario.WorkdayStartHour, scenario.WorkdayEndHour);
        var problems = scenario.Problems;
        RetryDevice = IndexOf(scenario.Devices, problems.PaymentRetriesDevice);
        EscalationLine = IndexOf(scenario.ProductLines, problems.DoubleEscalationProductLine);
        SkipBusiness = string.Equals(problems.SkippedOnboardingCustomerType, "B2B", StringComparison.OrdinalIgnoreCase);
        DriftTicks = StartTicks + (long)((EndTicks - StartTicks) * problems.DriftAt);
        RetriesFixedTicks = problems.PaymentRetriesFixedFrom is { } fixedFrom ? fixedFrom.UtcTicks : long.MaxValue;
        AppDevice = new bool[scenario.Devices.Count];
        for (var i = 0; i < AppDevice.Length; i++)
        {
            AppDevice[i] = scenario.Devices[i].Name.EndsWith("app", StringComparison.OrdinalIgnoreCase);
        }

        AcquisitionKind = new byte[scenario.AcquisitionChannels.Count];
        for (var i = 0; i < AcquisitionKind.Length; i++)
        {
            AcquisitionKind[i] = scenario.AcquisitionChannels[i].Name.ToUpperInvariant() switch
            {
                "SOCIAL" => Catalog.SeeSocialAd,
                "EMAIL" => Catalog.OpenNewsletter,
                "REFERRAL" => Catalog.FollowReferralLink,
                "STORE" => Catalog.VisitStore,
                _ => Catalog.Search,
            };
        }
    }

    public Scenario Scenario { get; }

    public JourneyProgram Program { get; }

    public int Customers { get; }

    public int Seed { get; }

    public long StartTicks { get; }

    public long EndTicks { get; }

    public int Days { get; }

    public long DriftTicks { get; }

    /// <summary>From when payment retries no longer happen (an improvement switched on); <see cref="long.MaxValue"/> for never.</summary>
    public long RetriesFixedTicks { get; }

    public int RetryDevice { get; }

    public int EscalationLine { get; }

    public bool SkipBusiness { get; }

    public WorkCalendar Calendar { get; }

#pragma warning disable CA1819 // Internal lookup tables.
    public double[] DayCumulative { get; }

    public double[] Load { get; }

    public double[] HourCumulative { get; }

    public double[] Regions { get; }

    public double[] Devices { get; }

    public double[] Acquisition { get; }

    public double[] ProductLines { get; }

    public bool[] AppDevice { get; }

    public byte[] AcquisitionKind { get; }
#pragma warning restore CA1819

    /// <summary>The queue load of the day holding <paramref name="ticks"/>: 1 on an average day.</summary>
    public double LoadAt(long ticks)
    {
        var day = (int)((ticks - StartTicks) / TimeSpan.TicksPerDay);
        return Load[Math.Clamp(day, 0, Days - 1)];
    }

    private static double[] Cumulative(IReadOnlyList<double> weights)
    {
        var result = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < result.Length; i++)
        {
            total += weights[i];
            result[i] = total;
        }

        return result;
    }

    private static double[] Cumulative(IReadOnlyList<WeightedOption> options)
    {
        var result = new double[options.Count];
        var total = 0.0;
        for (var i = 0; i < result.Length; i++)
        {
            total += options[i].Weight;
            result[i] = total;
        }

        return result;
    }

    private static int IndexOf(IReadOnlyList<WeightedOption> options, string name)
    {
        for (var i = 0; i < options.Count; i++)
        {
            if (string.Equals(options[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
