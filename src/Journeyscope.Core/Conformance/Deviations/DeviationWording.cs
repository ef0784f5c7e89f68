using System.Text;

namespace Journeyscope.Conformance;

/// <summary>Deviations in plain words with touchpoint names, as people read them: <c>skipped Send onboarding email</c>.</summary>
/// <remarks>
/// Per subject, in the order of the items: skipped <c>skipped NAME</c>; unexpected <c>did NAME unexpectedly</c>; out of
/// order <c>did NAME out of order</c>; an unexpected or out-of-order repeat is one phrase, <c>did NAME more than once</c>
/// (<c>…, out of order</c>); a repeat the design allows <c>repeated NAME</c>. A step no touchpoint maps reads
/// <c>did “Activity” (not in the journey)</c>. Phrases are joined with <c>; </c>.
/// </remarks>
public static class DeviationWording
{
    /// <summary>The items in plain words.</summary>
    /// <param name="items">The deviations, as a pattern lists them (sorted by kind, then subject).</param>
    /// <param name="touchpointNames">Touchpoint id to display name; an id without a name is written as is.</param>
    public static string Describe(IReadOnlyList<DeviationItem> items, IReadOnlyDictionary<string, string> touchpointNames)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(touchpointNames);
        var text = new StringBuilder();
        foreach (var item in items)
        {
            var repeatedToo = item.Kind != DeviationKind.Repeated && Has(items, DeviationKind.Repeated, item.Subject);
            if (item.Kind == DeviationKind.Repeated && DeviationAnalysis.HasLogMove(items, item.Subject))
            {
                continue; // said with its unexpected or out-of-order move
            }

            var name = Name(item, touchpointNames);
            var phrase = item.Kind switch
            {
                DeviationKind.Skipped => "skipped " + name,
                DeviationKind.Inserted when repeatedToo => $"did {name} more than once",
                DeviationKind.Inserted => item.IsTouchpoint ? $"did {name} unexpectedly" : "did " + name,
                DeviationKind.OutOfOrder when repeatedToo => $"did {name} more than once, out of order",
                DeviationKind.OutOfOrder => $"did {name} out of order",
                _ => "repeated " + name,
            };
            text.Append(text.Length == 0 ? string.Empty : "; ").Append(phrase);
        }

        return text.ToString();
    }

    private static string Name(DeviationItem item, IReadOnlyDictionary<string, string> touchpointNames) =>
        !item.IsTouchpoint ? $"“{item.Subject}” (not in the journey)"
        : touchpointNames.TryGetValue(item.Subject, out var name) && !string.IsNullOrWhiteSpace(name) ? name
        : item.Subject;

    private static bool Has(IReadOnlyList<DeviationItem> items, DeviationKind kind, string subject)
    {
        foreach (var i in items)
        {
            if (i.Kind == kind && string.Equals(i.Subject, subject, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
