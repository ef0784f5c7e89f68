using Journeyscope.IO.Journeys;
using Journeyscope.Simulation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Journeyscope.IO.Simulation;

/// <summary>Reads simulation scenarios from YAML (format: docs/simulation.md).</summary>
/// <remarks>
/// Every key is optional: a missing key keeps the value of <see cref="Scenario.Default"/>. Unknown keys, wrong
/// types and invalid values are errors naming the file, line and key.
/// </remarks>
public static partial class ScenarioYaml
{
    private const int MaxBytes = 1 << 20;

    /// <summary>Reads the scenario file at <paramref name="path"/>.</summary>
    /// <exception cref="ImportException">The file is missing, not YAML, or holds an unknown key or invalid value.</exception>
    public static Scenario Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new ImportException(path, 0, -1, null, "the scenario file does not exist");
        }

        if (new FileInfo(path).Length > MaxBytes)
        {
            throw new ImportException(path, 0, -1, null, $"the scenario file is larger than {MaxBytes} bytes");
        }

        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Reads a scenario from <paramref name="reader"/>; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="ImportException">The text is not YAML, or holds an unknown key or invalid value.</exception>
    public static Scenario Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var stream = new YamlStream();
        try
        {
            stream.Load(new BoundedYamlParser(reader));
        }
        catch (YamlLimitException e)
        {
            throw new ImportException(sourceName, e.Start.Line, -1, null, e.Reason, e);
        }
        catch (YamlException e)
        {
            throw new ImportException(sourceName, e.Start.Line, -1, null, "not valid YAML: " + e.Message, e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            throw new ImportException(sourceName, 0, -1, null, "the scenario file is empty");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ImportException(sourceName, stream.Documents[0].RootNode.Start.Line, -1, null, "a scenario must be a mapping of keys to values");
        }

        var context = new Context(sourceName);
        var scenario = context.ReadSection(root, string.Empty, Scenario.Default with { });
        var errors = scenario.Validate();
        if (errors.Count > 0)
        {
            var first = errors[0];
            var knob = first.Split(' ', ':')[0];
            throw new ImportException(sourceName, context.LineOf(knob), -1, knob, first);
        }

        return scenario;
    }
}
