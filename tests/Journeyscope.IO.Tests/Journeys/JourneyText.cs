using Journeyscope.Journeys;

namespace Journeyscope.IO.Tests.Journeys;

/// <summary>Sample journey texts and a content comparison for journeys (records hold lists, compared by reference).</summary>
internal static class JourneyText
{
    /// <summary>The full example of docs/journeys.md, verbatim.</summary>
    public static string DocsExample()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "journeys.md"));
        var start = docs.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var end = docs.IndexOf("```", start, StringComparison.Ordinal);
        return docs[start..end];
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Journeyscope.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Journeyscope.slnx not found above the test binaries.");
    }

    /// <summary>Asserts two journeys hold the same content, ignoring source locations.</summary>
    public static void ShouldEqual(DesignedJourney actual, DesignedJourney expected)
    {
        Describe(actual).ShouldBe(Describe(expected));
    }

    /// <summary>Every field of the journey as text lines, locations left out.</summary>
    public static string Describe(DesignedJourney j)
    {
        var lines = new List<string>
        {
            $"journey {j.Id} | {j.Name} | {j.Owner} | {j.Description}",
            $"flow {j.Flow}",
        };
        lines.AddRange(j.Personas.Select(p => $"persona {p.Id} | {p.Name} | {p.Description} | {p.Segment}"));
        lines.AddRange(j.Stages.Select(s => $"stage {s.Id} | {s.Name} | {s.Description} | " + (s.Canvas is { } c
            ? $"canvas [{string.Join(";", c.CustomerActions)}] [{string.Join(";", c.Frontstage)}] [{string.Join(";", c.Backstage)}] [{string.Join(";", c.Opportunities)}] {c.ValueProposition}"
            : "no canvas")));
        lines.AddRange(j.Touchpoints.Select(t =>
            $"touchpoint {t.Id} | {t.Name} | {t.Stage} | {t.Lane} | {t.Channel} | {t.Owner} | {t.Description} | " +
            $"[{string.Join(";", t.Rule.Activities)}] | {t.Rule.ActivityPattern} | [{string.Join(";", t.Rule.Conditions)}] | " +
            $"[{string.Join(";", t.Capabilities.Select(c => $"{c.Kind} {c.Name} {c.Readiness} {c.Note}"))}]"));
        lines.AddRange(j.Kpis.Select(k =>
            $"kpi {k.Id} | {k.Name} | {k.Kind} | {k.Target} | [{string.Join(";", k.Stages)}] | [{string.Join(";", k.Touchpoints)}] | " +
            $"{{{string.Join(";", k.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value))}}} | {k.Expression} | [{string.Join(";", k.Drivers)}]"));
        lines.AddRange(j.CriticalSuccessFactors.Select(f => $"csf {f.Id} | {f.Name} | [{string.Join(";", f.Kpis)}] | {f.Description}"));
        lines.AddRange(j.TimeTargets.Select(t => $"target {t.Id} | {t.Name} | {t.From} | {t.To} | {t.Within} | {t.BusinessHours}"));
        return string.Join("\n", lines);
    }
}
