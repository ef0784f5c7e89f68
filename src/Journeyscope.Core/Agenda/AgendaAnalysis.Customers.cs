using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Agenda;

public static partial class AgendaAnalysis
{
    /// <summary>
    /// Why the journey's <c>customer:</c> cannot be used on <paramref name="log"/> (it names no case attribute of it), with a
    /// did-you-mean; <c>null</c> when it can or when the journey has none (each case is a customer).
    /// </summary>
    public static string? CustomerProblem(EventLog log, DesignedJourney journey)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(journey);
        if (journey.Customer is not { } customer || log.FindCaseAttribute(customer.Attribute) is not null)
        {
            return null;
        }

        var names = new List<string>();
        foreach (var column in log.CaseAttributes)
        {
            names.Add(column.Name);
        }

        return $"customer: the log has no case attribute '{customer.Attribute}' to tell its customers apart (JS022).{NameSuggestions.Hint(customer.Attribute, names)}";
    }

    /// <summary>
    /// The customer of each case as a dense code (cases with the same value of the <c>customer:</c> attribute share one; a
    /// case without a value is its own customer) and the number of customers; <c>null</c> when each case is a customer.
    /// </summary>
    private static (int[] Codes, int Count)? CustomerCodes(EventLog log, DesignedJourney journey)
    {
        if (journey.Customer is not { } customer)
        {
            return null;
        }

        var column = log.FindCaseAttribute(customer.Attribute) ?? throw new ArgumentException(CustomerProblem(log, journey), nameof(journey));
        var codes = new int[log.CaseCount];
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = 0;
        for (var c = 0; c < codes.Length; c++)
        {
            if (column.GetValue(c)?.ToString() is not { } value)
            {
                codes[c] = next++;
            }
            else if (known.TryGetValue(value, out var code))
            {
                codes[c] = code;
            }
            else
            {
                known[value] = codes[c] = next++;
            }
        }

        return (codes, next);
    }

    /// <summary>
    /// Sets each listed opportunity's cases and distinct customers, and returns both over the union of their case sets: a case
    /// in several opportunities, and a customer with several cases, are counted once.
    /// </summary>
    private static (int Cases, int Customers) CountAffected(List<Ranked> top, List<Candidate> candidates, int caseCount, (int[] Codes, int Count)? customers)
    {
        var inUnion = new bool[caseCount];
        var stamps = new int[customers?.Count ?? 0];
        int cases = 0, distinct = 0;
        for (var i = 0; i < top.Count; i++)
        {
            var set = candidates[top[i].Index].Cases;
            var own = set.Length;
            if (customers is { } known)
            {
                own = 0;
                foreach (var c in set)
                {
                    // A stamp per opportunity: a customer is counted the first time one of their cases is met in this set.
                    var code = known.Codes[c];
                    if (stamps[code] != i + 1)
                    {
                        stamps[code] = i + 1;
                        own++;
                    }
                }
            }

            foreach (var c in set)
            {
                if (!inUnion[c])
                {
                    inUnion[c] = true;
                    cases++;
                }
            }

            top[i] = top[i] with { Opportunity = top[i].Opportunity with { CustomersAffected = own, CasesAffected = set.Length } };
        }

        if (customers is not { } all)
        {
            return (cases, cases);
        }

        var seen = new bool[all.Count];
        for (var c = 0; c < caseCount; c++)
        {
            if (inUnion[c] && !seen[all.Codes[c]])
            {
                seen[all.Codes[c]] = true;
                distinct++;
            }
        }

        return (cases, distinct);
    }
}
