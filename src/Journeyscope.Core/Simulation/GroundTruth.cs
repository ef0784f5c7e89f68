using System.Globalization;
using System.Text.Json;

namespace Journeyscope.Simulation;

/// <summary>What a simulation injected: the known truth that analyses are tested against.</summary>
/// <param name="Scenario">The scenario name.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Customers">The number of simulated customers.</param>
/// <param name="Start">The first arrival day.</param>
/// <param name="End">The end of the arrival period.</param>
/// <param name="Problems">The problems that were switched on, in a fixed order (a to e).</param>
public sealed record GroundTruth(
    string Scenario,
    int Seed,
    int Customers,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<GroundTruthProblem> Problems)
{
    /// <summary>The problem of <paramref name="kind"/>, or <c>null</c> when it was not injected.</summary>
    public GroundTruthProblem? Find(string kind)
    {
        foreach (var problem in Problems)
        {
            if (string.Equals(problem.Kind, kind, StringComparison.Ordinal))
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Writes the ground truth as indented JSON with camelCase keys (see docs/simulation.md).</summary>
    public void WriteJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("scenario", Scenario);
        writer.WriteNumber("seed", Seed);
        writer.WriteNumber("customers", Customers);
        writer.WriteString("start", Start.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteString("end", End.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteStartArray("problems");
        foreach (var problem in Problems)
        {
            writer.WriteStartObject();
            writer.WriteString("id", problem.Id);
            writer.WriteString("kind", problem.Kind);
            writer.WriteString("description", problem.Description);
            WriteStrings(writer, "touchpoints", problem.Touchpoints);
            writer.WriteNumber("affectedCaseCount", problem.AffectedCases.Count);
            WriteStrings(writer, "affectedCases", problem.AffectedCases);
            writer.WriteStartArray("kpiEffects");
            foreach (var effect in problem.Effects)
            {
                writer.WriteStartObject();
                writer.WriteString("kpi", effect.Kpi);
                writer.WriteString("direction", effect.Direction);
                writer.WriteString("description", effect.Description);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes the ground truth to a JSON file.</summary>
    public void WriteJson(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.Create(path);
        WriteJson(stream);
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
