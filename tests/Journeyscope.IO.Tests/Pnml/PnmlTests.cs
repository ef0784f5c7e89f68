using System.Text;
using Journeyscope.Conformance;
using Journeyscope.TestSupport;

namespace Journeyscope.IO.Tests.Pnml;

public sealed class PnmlTests
{
    private static PetriNet SmallNet()
    {
        var builder = new PetriNetBuilder("small");
        var source = builder.AddPlace("source");
        var middle = builder.AddPlace("p1", "middle");
        var sink = builder.AddPlace("sink");
        var a = builder.AddTransition("ta", "Register & check <form>");
        var tau = builder.AddTransition("skip_1", null);
        var b = builder.AddTransition("tb", "b");
        builder.AddInputArc(source, a).AddOutputArc(a, middle, 2).AddInputArc(middle, b, 2).AddOutputArc(b, sink);
        builder.AddInputArc(source, tau).AddOutputArc(tau, sink);
        builder.SetInitialTokens(source, 1).SetFinalTokens(sink, 1);
        return builder.Build();
    }

    private static PetriNet ReadText(string xml) => PnmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "model.pnml");

    [Fact]
    public void WriteThenRead_SmallNet_IsLossless()
    {
        // Given
        var net = SmallNet();
        using var stream = new MemoryStream();

        // When
        PnmlWriter.Write(net, stream);
        stream.Position = 0;
        var read = PnmlReader.Read(stream);

        // Then
        read.Name.ShouldBe("small");
        read.Places.ShouldBe(net.Places);
        read.Transitions.Select(t => (t.Id, t.Label)).ShouldBe(net.Transitions.Select(t => (t.Id, t.Label)));
        read.Arcs.ShouldBe(net.Arcs);
        read.InitialMarking.ToArray().ShouldBe(net.InitialMarking.ToArray());
        read.FinalMarking.ToArray().ShouldBe(net.FinalMarking.ToArray());
    }

    [Fact]
    public void Read_Pm4pyReceiptModel_HasItsPlacesTransitionsAndMarkings()
    {
        // Given
        var path = SharedData.Path("reference/receipt/model_inductive_0.2.pnml");

        // When
        var net = PnmlReader.Read(path);

        // Then
        net.Transitions.ShouldContain(t => t.Label == "Confirmation of receipt");
        net.Transitions.Single(t => t.Id == "skip_17").IsSilent.ShouldBeTrue();
        net.InitialMarking[net.FindPlace("source")].ShouldBe(1);
        net.FinalMarking[net.FindPlace("sink")].ShouldBe(1);
        net.InitialMarking.ToArray().Sum().ShouldBe(1);
        net.FinalMarking.ToArray().Sum().ShouldBe(1);
    }

    [Fact]
    public void WriteThenRead_Pm4pyReceiptModel_KeepsEveryArc()
    {
        // Given
        var net = PnmlReader.Read(SharedData.Path("reference/receipt/model_inductive_0.2.pnml"));
        using var stream = new MemoryStream();

        // When
        PnmlWriter.Write(net, stream);
        stream.Position = 0;
        var read = PnmlReader.Read(stream);

        // Then
        read.Arcs.ShouldBe(net.Arcs);
        read.Transitions.Select(t => t.Label).ShouldBe(net.Transitions.Select(t => t.Label));
    }

    [Theory]
    [InlineData("", "model.pnml: the file is empty or has no XML root element")]
    [InlineData("<pnml><net id='n'>\n<place id='p'/>\n<place id='p'/></net></pnml>", "model.pnml:3: field 'id': duplicate place id 'p'")]
    [InlineData("<pnml><net id='n'><place id='p'/>\n<arc id='a' source='p' target='t'/></net></pnml>", "model.pnml:2: field 'target': the arc's target 't' is neither a place nor a transition of the net")]
    [InlineData("<pnml><net id='n'><place id='p'/><place id='q'/>\n<arc id='a' source='p' target='q'/></net></pnml>", "model.pnml:2: the arc 'p' -> 'q' connects two places or two transitions")]
    [InlineData("<pnml><net id='n'><place id='p'>\n<initialMarking><text>x</text></initialMarking></place></net></pnml>", "model.pnml:2: field 'initialMarking': 'x' is not a non-negative whole number of tokens")]
    [InlineData("<pnml><net id='n'><place id='p'/><finalmarkings><marking>\n<place idref='zz'><text>1</text></place></marking></finalmarkings></net></pnml>", "model.pnml:2: field 'idref': the final marking names place 'zz', which the net does not have")]
    [InlineData("<log>\n</log>", "model.pnml:1: the root element is <log>, expected <pnml>: not a PNML file")]
    [InlineData("<pnml></pnml>", "model.pnml:1: field 'net': the file has no <net> element")]
    public void Read_InvalidPnml_ThrowsImportExceptionNamingFileLineAndReason(string xml, string message)
    {
        // Given / When
        var error = Should.Throw<ImportException>(() => ReadText(xml));

        // Then
        error.Message.ShouldBe(message);
    }

    [Fact]
    public void Read_DocumentWithDtd_IsRefused()
    {
        // Given an entity expansion attempt
        var xml = "<?xml version='1.0'?><!DOCTYPE pnml [<!ENTITY x 'boom'>]><pnml><net id='&x;'/></pnml>";

        // When
        var error = Should.Throw<ImportException>(() => ReadText(xml));

        // Then
        error.Source.ShouldBe("model.pnml");
        error.Reason.ShouldContain("DTD");
    }

    [Fact]
    public void Read_MissingFile_ThrowsImportException()
    {
        // Given / When
        var error = Should.Throw<ImportException>(() => PnmlReader.Read(Path.Combine(Path.GetTempPath(), "no-such-model.pnml")));

        // Then
        error.Reason.ShouldStartWith("cannot open the file");
    }
}
