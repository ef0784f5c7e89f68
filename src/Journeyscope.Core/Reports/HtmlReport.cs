using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Journeyscope.EventLogs;
using Journeyscope.Results;

namespace Journeyscope.Reports;

/// <summary>
/// Writes a report as one self-contained HTML file: the sections as static HTML tables (they print without script), the
/// <see cref="ReportData"/> as embedded JSON, and the web UI's script bundle inlined to draw the map and charts from it.
/// </summary>
/// <remarks>
/// Nothing is loaded from elsewhere: no external script, style, font or image, so the file opens offline and prints to
/// PDF from a browser (print styles: one section per page, tables unclipped, the map as a picture).
/// </remarks>
public static partial class HtmlReport
{
    /// <summary>The id of the script element holding the report's JSON.</summary>
    public const string DataElementId = "journeyscope-data";

    /// <summary>
    /// The JSON settings of the embedded data: the contract's (<see cref="ResultJson"/>), except that a non-finite number
    /// is written as null, which a browser's JSON parser accepts.
    /// </summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    /// <summary>The HTML of <paramref name="data"/>, with <paramref name="bundle"/> (the web UI's script bundle) inlined.</summary>
    public static string Render(ReportData data, string bundle)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(bundle);
        var json = JsonSerializer.Serialize(data, JsonOptions);
        var body = new StringBuilder()
            .Append(Header(data))
            .Append(KpiSection(data))
            .Append(AgendaSection(data))
            .Append(CanvasSection(data))
            .Append(ConformanceSection(data))
            .Append(MapSection(data))
            .Append(VariantSection(data))
            .Append(ValueStreamSection())
            .Append(FunnelSection(data))
            .Append(VocSection(data))
            .ToString();
        return Template
            .Replace("/*TITLE*/", Encode(data.Title), StringComparison.Ordinal)
            .Replace("/*STYLE*/", Style, StringComparison.Ordinal)
            .Replace("/*BODY*/", body, StringComparison.Ordinal)
            .Replace("/*DATA*/", Script(json), StringComparison.Ordinal)
            .Replace("/*BUNDLE*/", Script(bundle), StringComparison.Ordinal)
            .Replace("/*DRAW*/", Draw, StringComparison.Ordinal);
    }

    private static string Header(ReportData data)
    {
        var meta = new StringBuilder()
            .Append("Generated ").Append(data.Generated.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
            .Append(" · ").Append(data.TimeBasis == TimeBasis.Utc ? "true elapsed time (UTC)" : "wall-clock time (offsets ignored)");
        if (data.Filters.Count > 0)
        {
            meta.Append(" · filters: ").Append(string.Join("; ", data.Filters));
        }

        var summary = data.Summary;
        var tiles = new List<(string, string)>
        {
            ("Cases", Count(summary.Cases)),
            ("Events", Count(summary.Events)),
            ("Activities", Count(summary.ActivityCount)),
            ("Variants", Count(summary.Variants)),
            ("Median case duration", Duration(summary.CaseDurationSeconds.Median)),
            ("Flow efficiency", Percent(data.ValueStream.FlowEfficiency)),
        };
        if (data.Conformance is { } conformance)
        {
            tiles.Add(("Conforming cases", Percent(conformance.ConformanceRate)));
        }

        var html = new StringBuilder()
            .Append("<header><h1>").Append(Encode(data.Title)).Append("</h1><p class=\"meta\" id=\"meta\">").Append(Encode(meta.ToString()))
            .Append("</p><div class=\"tiles\" id=\"tiles\">");
        foreach (var (name, value) in tiles)
        {
            html.Append("<div class=\"tile\">").Append(Encode(name)).Append("<b>").Append(Encode(value)).Append("</b></div>");
        }

        html.Append("</div>");
        foreach (var note in data.Notes)
        {
            html.Append("<p class=\"note\">").Append(Encode(note)).Append("</p>");
        }

        return html.Append("</header>").ToString();
    }

    private static string Section(string id, string title, string content) =>
        $"<section id=\"{id}\"><h2>{Encode(title)}</h2>{content}</section>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double? share) =>
        share is { } s && double.IsFinite(s) ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    private static string Duration(double? seconds) =>
        seconds is { } s && double.IsFinite(s) ? DurationText.FormatApproximate(s) : "–";

    // "</script" inside inlined text would end the script element early; the escaped form means the same to JavaScript.
    private static string Script(string text) => text.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(ResultJson.Options);
        options.Converters.Insert(0, new FiniteDoubleConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Writes NaN and infinities as null (JSON.parse rejects the named literals).</summary>
    private sealed class FiniteDoubleConverter : JsonConverter<double>
    {
        public override bool HandleNull => false;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
