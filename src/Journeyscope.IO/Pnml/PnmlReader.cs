using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Journeyscope.Conformance;

namespace Journeyscope.IO;

/// <summary>Reads a Petri net with its initial and final marking from PNML, in the flavour PM4Py and ProM write.</summary>
/// <remarks>
/// Reads the first <c>net</c>: places, transitions and arcs directly in it or in its (nested) <c>page</c>s,
/// <c>initialMarking</c> of places, <c>finalmarkings/marking/place</c>, and arc <c>inscription</c> weights.
/// A transition with a <c>toolspecific</c> child whose <c>activity</c> is <c>$invisible$</c> is silent; otherwise its
/// label is its <c>name/text</c> (its id when it has no name). DTDs are refused. Every problem is an
/// <see cref="ImportException"/> naming the file, the line and the reason.
/// </remarks>
public static class PnmlReader
{
    private const long MaxCharacters = 256L * 1024 * 1024;

    /// <summary>Reads the PNML file at <paramref name="path"/>.</summary>
    /// <exception cref="ImportException">The file is missing, not PNML, or describes an invalid net.</exception>
    public static PetriNet Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(path, 0, -1, null, $"cannot open the file: {e.Message}", e);
        }

        using (stream)
        {
            return Read(stream, path);
        }
    }

    /// <summary>Reads PNML from <paramref name="stream"/>; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="ImportException">The content is not PNML or describes an invalid net.</exception>
    public static PetriNet Read(Stream stream, string sourceName = "<stream>")
    {
        ArgumentNullException.ThrowIfNull(stream);
        var document = Load(stream, sourceName);
        var root = document.Root!;
        if (root.Name.LocalName != "pnml")
        {
            throw Error(sourceName, root, null, $"the root element is <{root.Name.LocalName}>, expected <pnml>: not a PNML file");
        }

        var netElement = Child(root, "net") ?? throw Error(sourceName, root, "net", "the file has no <net> element");
        var builder = new PetriNetBuilder(Attribute(netElement, "id") ?? "net");
        var nodes = new List<XElement>();
        CollectNodes(netElement, nodes);
        foreach (var element in nodes)
        {
            switch (element.Name.LocalName)
            {
                case "place":
                    AddPlace(sourceName, builder, element);
                    break;
                case "transition":
                    AddTransition(sourceName, builder, element);
                    break;
            }
        }

        foreach (var element in nodes)
        {
            if (element.Name.LocalName == "arc")
            {
                AddArc(sourceName, builder, element);
            }
        }

        ReadFinalMarking(sourceName, builder, netElement);
        return builder.Build();
    }

    private static XDocument Load(Stream stream, string sourceName)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            var reason = e.Message.Contains("Root element is missing", StringComparison.Ordinal)
                ? "the file is empty or has no XML root element"
                : $"not well-formed XML: {e.Message}";
            throw new ImportException(sourceName, e.LineNumber, -1, null, reason, e);
        }
    }

    private static void CollectNodes(XElement container, List<XElement> nodes)
    {
        foreach (var element in container.Elements())
        {
            switch (element.Name.LocalName)
            {
                case "page":
                    CollectNodes(element, nodes);
                    break;
                case "place" or "transition" or "arc":
                    nodes.Add(element);
                    break;
            }
        }
    }

    private static void AddPlace(string source, PetriNetBuilder builder, XElement element)
    {
        var id = RequiredId(source, element);
        if (builder.FindPlace(id) >= 0)
        {
            throw Error(source, element, "id", $"duplicate place id '{id}'");
        }

        var place = builder.AddPlace(id, NameText(element));
        var marking = Child(element, "initialMarking");
        if (marking is not null)
        {
            builder.SetInitialTokens(place, Tokens(source, marking, "initialMarking"));
        }
    }

    private static void AddTransition(string source, PetriNetBuilder builder, XElement element)
    {
        var id = RequiredId(source, element);
        if (builder.FindTransition(id) >= 0)
        {
            throw Error(source, element, "id", $"duplicate transition id '{id}'");
        }

        var name = NameText(element);
        var invisible = element.Elements().Any(e => e.Name.LocalName == "toolspecific"
            && string.Equals(Attribute(e, "activity"), "$invisible$", StringComparison.Ordinal));
        var label = invisible ? null : string.IsNullOrEmpty(name) ? id : name;
        builder.AddTransition(id, label, name);
    }

    private static void AddArc(string source, PetriNetBuilder builder, XElement element)
    {
        var from = Attribute(element, "source") ?? throw Error(source, element, "source", "the arc has no source attribute");
        var to = Attribute(element, "target") ?? throw Error(source, element, "target", "the arc has no target attribute");
        var weight = 1;
        var inscription = Child(element, "inscription");
        if (inscription is not null)
        {
            weight = Tokens(source, inscription, "inscription");
            if (weight < 1)
            {
                throw Error(source, inscription, "inscription", $"arc weight {weight} is not positive");
            }
        }

        var placeFrom = builder.FindPlace(from);
        var transitionFrom = builder.FindTransition(from);
        var placeTo = builder.FindPlace(to);
        var transitionTo = builder.FindTransition(to);
        if (placeFrom < 0 && transitionFrom < 0)
        {
            throw Error(source, element, "source", $"the arc's source '{from}' is neither a place nor a transition of the net");
        }

        if (placeTo < 0 && transitionTo < 0)
        {
            throw Error(source, element, "target", $"the arc's target '{to}' is neither a place nor a transition of the net");
        }

        if (placeFrom >= 0 && transitionTo >= 0)
        {
            builder.AddInputArc(placeFrom, transitionTo, weight);
        }
        else if (transitionFrom >= 0 && placeTo >= 0)
        {
            builder.AddOutputArc(transitionFrom, placeTo, weight);
        }
        else
        {
            throw Error(source, element, null, $"the arc '{from}' -> '{to}' connects two places or two transitions");
        }
    }

    private static void ReadFinalMarking(string source, PetriNetBuilder builder, XElement net)
    {
        var markings = Child(net, "finalmarkings");
        var marking = markings is null ? null : Child(markings, "marking");
        if (marking is null)
        {
            return;
        }

        foreach (var place in marking.Elements().Where(e => e.Name.LocalName == "place"))
        {
            var id = Attribute(place, "idref") ?? throw Error(source, place, "idref", "a final-marking place has no idref attribute");
            var index = builder.FindPlace(id);
            if (index < 0)
            {
                throw Error(source, place, "idref", $"the final marking names place '{id}', which the net does not have");
            }

            builder.SetFinalTokens(index, Tokens(source, place, "finalmarkings"));
        }
    }

    private static int Tokens(string source, XElement element, string field)
    {
        var text = Child(element, "text")?.Value.Trim() ?? element.Value.Trim();
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var tokens) || tokens < 0)
        {
            throw Error(source, element, field, $"'{text}' is not a non-negative whole number of tokens");
        }

        return tokens;
    }

    private static string RequiredId(string source, XElement element) =>
        Attribute(element, "id") is { Length: > 0 } id
            ? id
            : throw Error(source, element, "id", $"a <{element.Name.LocalName}> has no id attribute");

    private static string? NameText(XElement element)
    {
        var name = Child(element, "name");
        return name is null ? null : Child(name, "text")?.Value ?? name.Value;
    }

    private static XElement? Child(XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static string? Attribute(XElement element, string localName) =>
        element.Attributes().FirstOrDefault(a => a.Name.LocalName == localName)?.Value;

    private static ImportException Error(string source, XElement element, string? field, string reason) =>
        new(source, ((IXmlLineInfo)element).LineNumber, -1, field, reason);
}
