using System.Xml;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>Streams an OCEL 2.0 XML file with an <see cref="XmlReader"/> (DTDs prohibited, no resolver: no XXE).</summary>
internal static class OcelXmlReader
{
    public static void Read(Stream stream, OcelCollector collector, CancellationToken cancellationToken)
    {
        var session = collector.Session;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            MaxCharactersInDocument = 0,
            MaxCharactersFromEntities = 1024,
        };
        var counting = stream as CountingStream;
        using var reader = XmlReader.Create(stream, settings);
        var lineInfo = (IXmlLineInfo)reader;
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "log")
            {
                throw session.Fatal(lineInfo.LineNumber, -1, null, "not an OCEL 2.0 XML file: the root element is not <log>");
            }

            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "object-type":
                        ReadTypeDeclaration(reader, isEvent: false, collector);
                        break;
                    case "event-type":
                        ReadTypeDeclaration(reader, isEvent: true, collector);
                        break;
                    case "object":
                        ReadObject(reader, collector);
                        break;
                    case "event":
                        cancellationToken.ThrowIfCancellationRequested();
                        ReadEvent(reader, lineInfo.LineNumber, collector);
                        if (counting is not null)
                        {
                            session.Report(counting.BytesRead);
                        }

                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            var reason = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "DTDs are not allowed in OCEL XML (they could expand entities or reach other files)"
                : $"the XML is invalid: {ex.Message}";
            throw session.Fatal(ex.LineNumber, -1, null, reason, ex);
        }
    }

    private static void ReadTypeDeclaration(XmlReader reader, bool isEvent, OcelCollector collector)
    {
        var name = reader.GetAttribute("name");
        if (name is null)
        {
            return;
        }

        if (isEvent)
        {
            collector.DeclareEventType(name);
        }
        else
        {
            collector.DeclareObjectType(name);
        }

        using var sub = reader.ReadSubtree();
        while (sub.Read())
        {
            if (sub.NodeType == XmlNodeType.Element && sub.LocalName == "attribute" && sub.GetAttribute("name") is { } attribute)
            {
                if (isEvent)
                {
                    collector.DeclareEventAttribute(name, attribute, sub.GetAttribute("type"));
                }
                else
                {
                    collector.DeclareObjectAttribute(name, attribute, sub.GetAttribute("type"));
                }
            }
        }
    }

    private static void ReadObject(XmlReader reader, OcelCollector collector)
    {
        var id = reader.GetAttribute("id");
        var type = reader.GetAttribute("type");
        var attributes = new List<OcelAttribute>();
        var relations = new List<(string? Target, string? Qualifier)>();
        using (var sub = reader.ReadSubtree())
        {
            sub.Read();
            sub.Read();
            while (!sub.EOF)
            {
                if (sub.NodeType != XmlNodeType.Element)
                {
                    sub.Read();
                    continue;
                }

                if (sub.LocalName == "attribute" && sub.GetAttribute("name") is { } name)
                {
                    var timeText = sub.GetAttribute("time");
                    var text = sub.ReadElementContentAsString();
                    DateTimeOffset? time = OcelValues.TryParseTime(timeText, out var t) ? OcelValues.ObjectAttributeTime(t) : null;
                    attributes.Add(new OcelAttribute(name, collector.Convert(text, collector.ObjectAttributeType(type, name)), time));
                }
                else if (sub.LocalName == "relationship")
                {
                    relations.Add((sub.GetAttribute("object-id"), sub.GetAttribute("qualifier")));
                    sub.Read();
                }
                else
                {
                    sub.Read();
                }
            }
        }

        collector.AddObject(id, type, attributes);
        if (id is not null)
        {
            foreach (var (target, qualifier) in relations)
            {
                collector.AddObjectObject(id, target, qualifier);
            }
        }
    }

    private static void ReadEvent(XmlReader reader, int line, OcelCollector collector)
    {
        var id = reader.GetAttribute("id");
        var type = reader.GetAttribute("type");
        var timeText = reader.GetAttribute("time");
        var attributes = new List<OcelAttribute>();
        var relations = new List<(string? Target, string? Qualifier)>();
        using (var sub = reader.ReadSubtree())
        {
            sub.Read();
            sub.Read();
            while (!sub.EOF)
            {
                if (sub.NodeType != XmlNodeType.Element)
                {
                    sub.Read();
                    continue;
                }

                if (sub.LocalName == "attribute" && sub.GetAttribute("name") is { } name)
                {
                    var text = sub.ReadElementContentAsString();
                    attributes.Add(new OcelAttribute(name, collector.Convert(text, collector.EventAttributeType(type, name))));
                }
                else if (sub.LocalName == "relationship")
                {
                    relations.Add((sub.GetAttribute("object-id"), sub.GetAttribute("qualifier")));
                    sub.Read();
                }
                else
                {
                    sub.Read();
                }
            }
        }

        if (!collector.AddEvent(id, type, timeText, attributes, out var field, out var reason))
        {
            collector.Reject(line, -1, field, reason, $"<event id=\"{id}\" type=\"{type}\" time=\"{timeText}\">");
            return;
        }

        foreach (var (target, qualifier) in relations)
        {
            collector.AddEventObject(id!, target, qualifier);
        }
    }
}
