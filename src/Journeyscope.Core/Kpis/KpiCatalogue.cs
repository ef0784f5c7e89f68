namespace Journeyscope.Kpis;

/// <summary>The built-in KPI kinds: run, grow and transform the business (definitions in docs/kpis.md).</summary>
public static partial class KpiCatalogue
{
    private const double TicksPerSecond = TimeSpan.TicksPerSecond;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["customer-effort-score"] = "ces",
        ["fcr"] = "first-contact-resolution",
        ["average-resolution-time"] = "resolution-time",
        ["aov"] = "average-order-value",
        ["clv"] = "customer-lifetime-value",
        ["cross-sell-revenue"] = "upsell-revenue",
        ["cac"] = "customer-acquisition-cost",
        ["net-promoter-score"] = "nps",
    };

    private static readonly KpiKind[] All =
    [
        CustomerEffortScore(), OrderCycleTime(), FirstContactResolution(), ResolutionTime(), TicketVolume(), Backlog(),
        Csat(), Nps(), RetentionRate(), CustomerLifetimeValue(), AverageOrderValue(), UpsellRevenue(),
        FeedbackVolume(), Sentiment(), DigitalEngagement(), CustomerAcquisitionCost(), ConversionRate(), ChurnRate(),
    ];

    /// <summary>The kind id of custom KPIs, which are defined by an expression (docs/kpis.md).</summary>
    public const string Custom = "custom";

    /// <summary>Every built-in kind, in catalogue order (run, grow, transform).</summary>
    public static IReadOnlyList<KpiKind> Kinds => All;

    /// <summary>The built-in kind with this id or alias (for example <c>fcr</c>, <c>aov</c>), or <c>null</c>.</summary>
    public static KpiKind? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var key = Aliases.TryGetValue(id, out var canonical) ? canonical : id;
        foreach (var kind in All)
        {
            if (string.Equals(kind.Id, key, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The first index in [<paramref name="from"/>, <paramref name="to"/>) set in <paramref name="mask"/>, or -1.</summary>
    private static int First(bool[] mask, int from, int to)
    {
        var index = Array.IndexOf(mask, true, from, to - from);
        return index;
    }

    private static int Last(bool[] mask, int from, int to)
    {
        var index = to - from == 0 ? -1 : Array.LastIndexOf(mask, true, to - 1, to - from);
        return index;
    }

    private static KpiParameter Events(string name, bool required, string description, string? fallback = null) =>
        new(name, KpiParameterType.Events, required, description, fallback);

    private static KpiParameter Attribute(string name, bool required, string description, string? fallback = null) =>
        new(name, KpiParameterType.Attribute, required, description, fallback);

    private static KpiParameter Duration(string name, bool required, string description) =>
        new(name, KpiParameterType.Duration, required, description);
}
