namespace Journeyscope.Kpis;

/// <summary>
/// One measurement of a built-in KPI: it belongs to a case, is anchored at an event and a time (which decide its
/// period and segment) and contributes up to three sums the kind's aggregation combines.
/// </summary>
internal struct KpiObservation
{
    public int Case;
    public int Event;
    public long Time;
    public double A;
    public double B;
    public double C;

    /// <summary>For stock KPIs (backlog): when the case stopped counting; <see cref="long.MaxValue"/> while it is open.</summary>
    public long Until;

    public KpiObservation(int caseIndex, int eventIndex, long time, double a, double b = 1, double c = 0)
    {
        Case = caseIndex;
        Event = eventIndex;
        Time = time;
        A = a;
        B = b;
        C = c;
        Until = long.MaxValue;
    }
}

/// <summary>How a kind combines the sums of its observations into a value.</summary>
internal enum KpiAggregation
{
    /// <summary>ΣA / ΣB: means (B = 1 per observation) and shares (A = 1 when the condition holds).</summary>
    Quotient,

    /// <summary>ΣA: counts and totals.</summary>
    Sum,

    /// <summary>100 · (ΣA − ΣB) / ΣC: promoters minus detractors over responses.</summary>
    NetScore,

    /// <summary>The number of observations open at a moment (from <c>Time</c> until <c>Until</c>).</summary>
    Stock,
}

/// <summary>The sums of a group of observations.</summary>
internal struct KpiSums
{
    public double A;
    public double B;
    public double C;
    public int Count;

    public void Add(in KpiObservation o)
    {
        A += o.A;
        B += o.B;
        C += o.C;
        Count++;
    }

    public void Add(in KpiSums other, int times = 1)
    {
        A += other.A * times;
        B += other.B * times;
        C += other.C * times;
        Count += other.Count * times;
    }

    public readonly double? Value(KpiAggregation aggregation) => aggregation switch
    {
        KpiAggregation.Quotient => B > 0 ? A / B : null,
        KpiAggregation.NetScore => C > 0 ? 100.0 * (A - B) / C : null,
        _ => A,
    };

    /// <summary>Responses for a net score, the denominator for a quotient, observations otherwise.</summary>
    public readonly int SampleSize(KpiAggregation aggregation) => aggregation switch
    {
        KpiAggregation.Quotient => (int)Math.Round(B),
        KpiAggregation.NetScore => (int)Math.Round(C),
        _ => Count,
    };
}
