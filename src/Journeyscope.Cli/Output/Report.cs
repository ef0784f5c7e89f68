using System.Text.Json;
using Journeyscope.Results;

namespace Journeyscope.Cli.Output;

/// <summary>
/// What a command prints: tables for people (and CSV, which writes the first table), and a JSON body with stable
/// keys for scripts. When no JSON body is given, JSON holds the tables keyed by their titles.
/// </summary>
internal sealed class Report
{
    private static JsonSerializerOptions JsonOptions => ResultJson.Indented;

    public List<Table> Tables { get; } = [];

    public List<string> Notes { get; } = [];

    public object? Json { get; set; }

    /// <summary>The Graphviz DOT text, for commands that draw a graph; <c>null</c> when the command has none.</summary>
    public string? Dot { get; set; }

    public Report Add(Table table)
    {
        Tables.Add(table);
        return this;
    }

    public void Write(OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(Json ?? TablesAsJson(), JsonOptions));
                break;
            case OutputFormat.Dot:
                output.Write(Dot ?? throw new UsageException("--format dot is available for 'discover' only."));
                break;
            case OutputFormat.Csv:
                if (Tables.Count > 0)
                {
                    Tables[0].WriteCsv(output);
                }

                break;
            default:
                for (var i = 0; i < Tables.Count; i++)
                {
                    if (i > 0)
                    {
                        output.WriteLine();
                    }

                    Tables[i].WriteText(output);
                }

                foreach (var note in Notes)
                {
                    output.WriteLine();
                    output.WriteLine(note);
                }

                break;
        }
    }

    public static string Serialize(object value) => JsonSerializer.Serialize(value, JsonOptions);

    private Dictionary<string, object> TablesAsJson()
    {
        var body = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            body[Table.JsonKey(table.Title ?? "rows")] = table.ToObjects();
        }

        return body;
    }
}
