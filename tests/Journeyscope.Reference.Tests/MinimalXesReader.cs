using System.IO.Compression;
using System.Xml;
using Journeyscope.EventLogs;

namespace Journeyscope.Reference.Tests;

/// <summary>
/// A test-only XES reader: trace <c>concept:name</c>, event <c>concept:name</c> and <c>time:timestamp</c> with its
/// offset, nothing else. It exists so the reference comparisons run without the product importer.
/// </summary>
internal static class MinimalXesReader
{
    public static EventLog Read(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = true });
        var builder = new EventLogBuilder();
        var traceDepth = -1;
        var eventDepth = -1;
        string? caseId = null;
        var pending = new List<(string Activity, DateTimeOffset Time)>();
        string? activity = null;
        DateTimeOffset? time = null;
        var traceNumber = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                if (reader.LocalName == "trace")
                {
                    traceDepth = reader.Depth;
                    caseId = null;
                    pending.Clear();
                    traceNumber++;
                }
                else if (reader.LocalName == "event" && traceDepth >= 0)
                {
                    eventDepth = reader.Depth;
                    activity = null;
                    time = null;
                    if (reader.IsEmptyElement)
                    {
                        eventDepth = -1;
                    }
                }
                else if (eventDepth >= 0 && reader.Depth == eventDepth + 1)
                {
                    var key = reader.GetAttribute("key");
                    if (key == "concept:name")
                    {
                        activity = reader.GetAttribute("value");
                    }
                    else if (key == "time:timestamp")
                    {
                        time = DateTimeOffset.Parse(reader.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
                else if (traceDepth >= 0 && eventDepth < 0 && reader.Depth == traceDepth + 1 && reader.GetAttribute("key") == "concept:name")
                {
                    caseId = reader.GetAttribute("value");
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (reader.LocalName == "event" && reader.Depth == eventDepth)
                {
                    pending.Add((activity!, time!.Value));
                    eventDepth = -1;
                }
                else if (reader.LocalName == "trace" && reader.Depth == traceDepth)
                {
                    var id = caseId ?? "trace " + traceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    foreach (var (name, at) in pending)
                    {
                        builder.AddEvent(id, name, at);
                    }

                    traceDepth = -1;
                }
            }
        }

        return builder.Build();
    }
}
