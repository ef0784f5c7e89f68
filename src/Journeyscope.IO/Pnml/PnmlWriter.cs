using System.Globalization;
using System.Text;
using System.Xml;
using Journeyscope.Conformance;

namespace Journeyscope.IO;

/// <summary>Writes a Petri net with its initial and final marking as PNML, in the flavour PM4Py writes and <see cref="PnmlReader"/> reads.</summary>
/// <remarks>Silent transitions get a <c>toolspecific</c> element with <c>activity="$invisible$"</c>; arcs with weight above 1 an <c>inscription</c>.</remarks>
public static class PnmlWriter
{
    /// <summary>Writes <paramref name="net"/> to the file at <paramref name="path"/>, replacing it.</summary>
    public static void Write(PetriNet net, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.Create(path);
        Write(net, stream);
    }

    /// <summary>Writes <paramref name="net"/> to <paramref name="stream"/> as UTF-8 PNML; the stream stays open.</summary>
    public static void Write(PetriNet net, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(stream);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = false };
        using var writer = XmlWriter.Create(stream, settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("pnml");
        writer.WriteStartElement("net");
        writer.WriteAttributeString("id", net.Name);
        writer.WriteAttributeString("type", "http://www.pnml.org/version-2009/grammar/pnmlcoremodel");
        WriteName(writer, net.Name);
        writer.WriteStartElement("page");
        writer.WriteAttributeString("id", "n0");
        var initial = net.InitialMarking;
        for (var p = 0; p < net.PlaceCount; p++)
        {
            var place = net.Places[p];
            writer.WriteStartElement("place");
            writer.WriteAttributeString("id", place.Id);
            WriteName(writer, place.Name);
            if (initial[p] > 0)
            {
                writer.WriteStartElement("initialMarking");
                writer.WriteElementString("text", initial[p].ToString(CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        foreach (var transition in net.Transitions)
        {
            writer.WriteStartElement("transition");
            writer.WriteAttributeString("id", transition.Id);
            WriteName(writer, transition.IsSilent ? transition.Name : transition.Label!);
            if (transition.IsSilent)
            {
                writer.WriteStartElement("toolspecific");
                writer.WriteAttributeString("tool", "ProM");
                writer.WriteAttributeString("version", "6.4");
                writer.WriteAttributeString("activity", "$invisible$");
                writer.WriteAttributeString("localNodeID", transition.Id);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        for (var a = 0; a < net.Arcs.Count; a++)
        {
            var arc = net.Arcs[a];
            var place = net.Places[arc.Place].Id;
            var transition = net.Transitions[arc.Transition].Id;
            writer.WriteStartElement("arc");
            writer.WriteAttributeString("id", "arc_" + a.ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("source", arc.FromPlace ? place : transition);
            writer.WriteAttributeString("target", arc.FromPlace ? transition : place);
            if (arc.Weight > 1)
            {
                writer.WriteStartElement("inscription");
                writer.WriteElementString("text", arc.Weight.ToString(CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteStartElement("finalmarkings");
        writer.WriteStartElement("marking");
        var final = net.FinalMarking;
        for (var p = 0; p < net.PlaceCount; p++)
        {
            if (final[p] > 0)
            {
                writer.WriteStartElement("place");
                writer.WriteAttributeString("idref", net.Places[p].Id);
                writer.WriteElementString("text", final[p].ToString(CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteName(XmlWriter writer, string name)
    {
        writer.WriteStartElement("name");
        writer.WriteElementString("text", name);
        writer.WriteEndElement();
    }
}
