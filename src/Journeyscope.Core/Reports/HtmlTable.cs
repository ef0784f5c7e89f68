using System.Net;
using System.Text;

namespace Journeyscope.Reports;

/// <summary>Writes one HTML table with encoded cells (the report's tables are static HTML, so they print without script).</summary>
internal sealed class HtmlTable
{
    private readonly StringBuilder _html = new();

    public HtmlTable(string id, params string[] headers)
    {
        _html.Append("<table id=\"").Append(id).Append("\"><thead><tr>");
        foreach (var header in headers)
        {
            _html.Append("<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }

        _html.Append("</tr></thead><tbody>");
    }

    public HtmlTable Row(params object?[] cells)
    {
        _html.Append("<tr>");
        foreach (var cell in cells)
        {
            _html.Append("<td>").Append(WebUtility.HtmlEncode(Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture) ?? "–"))
                .Append("</td>");
        }

        _html.Append("</tr>");
        return this;
    }

    public override string ToString() => _html + "</tbody></table>";
}
