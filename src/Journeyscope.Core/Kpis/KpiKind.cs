namespace Journeyscope.Kpis;

/// <summary>A built-in KPI kind of the catalogue: its definition, unit and parameters (docs/kpis.md).</summary>
/// <remarks>Immutable; the instances live in <see cref="KpiCatalogue"/>.</remarks>
public sealed class KpiKind
{
    internal KpiKind(
        string id,
        string name,
        KpiCategory category,
        KpiUnit unit,
        string definition,
        KpiParameter[] parameters,
        KpiAggregation aggregation,
        Action<KpiContext, List<KpiObservation>>? observe,
        Func<IReadOnlyDictionary<string, string>, string?>? check = null)
    {
        Id = id;
        Name = name;
        Category = category;
        Unit = unit;
        Definition = definition;
        Parameters = parameters;
        Aggregation = aggregation;
        Observe = observe;
        Check = check;
    }

    /// <summary>The kind's id as written in YAML (<c>kind: nps</c>).</summary>
    public string Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>Run, grow, transform or custom.</summary>
    public KpiCategory Category { get; }

    /// <summary>The unit of the value.</summary>
    public KpiUnit Unit { get; }

    /// <summary>The precise definition, as in docs/kpis.md.</summary>
    public string Definition { get; }

    /// <summary>The parameters the kind reads.</summary>
    public IReadOnlyList<KpiParameter> Parameters { get; }

    internal KpiAggregation Aggregation { get; }

    internal Action<KpiContext, List<KpiObservation>>? Observe { get; }

    /// <summary>A check across parameters (for example "one of A or B"); returns the reason when they do not fit.</summary>
    internal Func<IReadOnlyDictionary<string, string>, string?>? Check { get; }

    /// <summary>The parameter named <paramref name="name"/>, or <c>null</c>.</summary>
    public KpiParameter? FindParameter(string name)
    {
        foreach (var parameter in Parameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.Ordinal))
            {
                return parameter;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
